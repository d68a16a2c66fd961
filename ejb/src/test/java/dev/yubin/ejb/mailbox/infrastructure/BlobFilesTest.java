package dev.yubin.ejb.mailbox.infrastructure;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.ejb.mailbox.application.ContentFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobFilesTest {

  @TempDir Path data;

  private final BlobFiles blobs = new BlobFiles();

  @Test
  void aRangeCountsAsAvailableNothingPastItsEnd() throws IOException {
    ContentFiles.Stored stored = store("Subject: x\r\n\r\nHello, range.\r\n");

    try (InputStream range = blobs.open(stored.path(), 14, 5)) {
      assertThat(range.available()).isEqualTo(5);
      assertThat(new String(range.readNBytes(3), US_ASCII)).isEqualTo("Hel");
      assertThat(range.available()).isEqualTo(2);
      assertThat(new String(range.readAllBytes(), US_ASCII)).isEqualTo("lo");
      assertThat(range.available()).as("the file goes on; the range does not").isZero();
      assertThat(range.read()).isEqualTo(-1);
    }
  }

  @Test
  void aRangeOpensItsFileAtTheFirstRead() throws IOException {
    ContentFiles.Stored stored = store("Subject: y\r\n\r\nLazy.\r\n");

    InputStream range = blobs.open(stored.path(), 0, stored.size());
    Files.delete(data.resolve(stored.path()));

    assertThatThrownBy(range::read).isInstanceOf(NoSuchFileException.class);
    range.close();
  }

  private ContentFiles.Stored store(String content) throws IOException {
    blobs.open(data);
    Path source = Files.writeString(data.resolve("source.eml"), content, US_ASCII);
    return blobs.store(new byte[0], source, 0);
  }
}
