package dev.prebreak.genesys.sim;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The warnings one logger writes while this is open (System.Logger goes to java.util.logging here). */
final class CapturedLog extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private CapturedLog(String name) {
        this.logger = Logger.getLogger(name);
        logger.addHandler(this);
    }

    static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            Object[] params = record.getParameters();
            messages.add(params == null || params.length == 0 ? record.getMessage()
                    : MessageFormat.format(record.getMessage(), params));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
