package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StructureCodecTest {

  static List<String> names() {
    return Corpus.names().toList();
  }

  @ParameterizedTest
  @MethodSource("names")
  void roundTripsExactly(String name) throws Exception {
    MessageStructure structure = Corpus.parse(name).structure();
    byte[] blob = StructureCodec.encode(structure);
    assertThat(blob[0]).isEqualTo((byte) StructureCodec.VERSION);
    assertThat(StructureCodec.decode(blob)).isEqualTo(structure);
  }

  @ParameterizedTest
  @MethodSource("names")
  void isSmallerThanTheImapTextItHolds(String name) throws Exception {
    byte[] blob = StructureCodec.encode(Corpus.parse(name).structure());
    assertThat(blob.length).isLessThan(Corpus.dovecot(name).length);
  }

  @Test
  void refusesAnotherVersion() throws Exception {
    byte[] blob = StructureCodec.encode(Corpus.parse("01-simple").structure());
    blob[0] = (byte) (StructureCodec.VERSION + 1);
    assertThatThrownBy(() -> StructureCodec.decode(blob))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version");
  }

  @Test
  void refusesATruncatedBlob() throws Exception {
    byte[] blob = StructureCodec.encode(Corpus.parse("02-mixed-attachments").structure());
    for (int length : new int[] {1, blob.length / 2, blob.length - 1}) {
      assertThatThrownBy(() -> StructureCodec.decode(Arrays.copyOf(blob, length)))
          .isInstanceOf(IOException.class);
    }
  }
}
