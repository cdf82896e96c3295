package dev.prebreak.core.state;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The warnings the file store logs while this is open (System.Logger goes to java.util.logging here). */
final class CapturedWarnings extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger(FileStateStore.class.getName());
    private final List<String> messages = new CopyOnWriteArrayList<>();

    CapturedWarnings() {
        logger.addHandler(this);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            messages.add(record.getMessage());
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
