package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.platform.application.MailStore;
import dev.yubin.ejb.platform.infrastructure.store.SpoolFile;
import dev.yubin.protocol.imap.wire.LiteralSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Spool files for APPEND's message literal, so that memory stays bounded whatever its size. */
@ApplicationScoped
class ImapSpool {

  @Inject MailStore store;

  LiteralSink newSink() {
    return new SpoolSink(store.files().newSpoolFile());
  }

  /** The complete content of a sink made by {@link #newSink()}, as a file. */
  Path finish(LiteralSink sink) {
    if (!(sink instanceof SpoolSink spooled)) {
      throw new IllegalArgumentException("not a spool sink: " + sink);
    }
    return spooled.file.finish();
  }

  private record SpoolSink(SpoolFile file) implements LiteralSink {
    @Override
    public void write(byte[] bytes, int offset, int length) {
      try {
        file.write(bytes, offset, length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void discard() {
      file.discard();
    }
  }
}
