package dev.prebreak.core.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the files the file store writes. Production opens them directly; tests hand in channels that
 * fail the way a full or failing disk does.
 */
@FunctionalInterface
interface ChannelOpener {
    ChannelOpener DIRECT = FileChannel::open;

    FileChannel open(Path file, OpenOption... options) throws IOException;
}
