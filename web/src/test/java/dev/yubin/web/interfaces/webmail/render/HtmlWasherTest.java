package dev.yubin.web.interfaces.webmail.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** XSS and remote-load vectors from the literature (research/webmail.md §2), our own wording. */
class HtmlWasherTest {

  private static final String[] VECTORS = {
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg><script>alert(3)</script></svg>",
    "<svg><animate onbegin=alert(4) attributeName=x dur=1s>",
    "<a href=\"javascript:alert(5)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(6)\">x</a>",
    "<form action=https://evil.example><input name=p><button>go</button></form>",
    "<iframe src=https://evil.example></iframe>",
    "<object data=x></object><embed src=x>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(7)>",
    "<noscript><style></noscript><img src=x onerror=alert(8)></style>",
    "<p title=\"</p><img src=x onerror=alert(9)>\">t</p>",
    "<a xlink:href=\"javascript:alert(10)\">x</a>",
    "<body onload=alert(11)>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(12)\">",
    "<base href=javascript:alert(13)//>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
  };

  @Test
  void scriptsHandlersFormsAndFramesAreGone() {
    for (String vector : VECTORS) {
      Document washed = Jsoup.parse(HtmlWasher.wash(vector, id -> null, true).html());
      assertThat(
              washed.select(
                  "script, iframe, object, embed, form, input, svg, math, style, link, base"))
          .as(vector)
          .isEmpty();
      for (Element element : washed.getAllElements()) {
        element
            .attributes()
            .forEach(
                a -> {
                  assertThat(a.getKey()).as(vector).doesNotStartWith("on");
                  assertThat(a.getValue().toLowerCase()).as(vector).doesNotContain("javascript:");
                });
      }
    }
  }

  @Test
  void remoteImagesWaitUntilAllowedAndCidImagesPointAtTheirPart() {
    String html =
        "<img src=\"https://tracker.example/p.gif\"><img src=\"cid:logo@x\"><img src=\"cid:gone\">";
    Map<String, String> parts = Map.of("logo@x", "/mail/part/2");

    HtmlWasher.Washed blocked = HtmlWasher.wash(html, parts::get, false);
    HtmlWasher.Washed allowed = HtmlWasher.wash(html, parts::get, true);

    assertThat(blocked.remoteBlocked()).isTrue();
    assertThat(blocked.html()).doesNotContain("tracker.example").contains("src=\"/mail/part/2\"");
    assertThat(allowed.remoteBlocked()).isFalse();
    assertThat(allowed.html()).contains("https://tracker.example/p.gif");
    assertThat(Jsoup.parse(blocked.html()).select("img").get(2).hasAttr("src")).isFalse();
  }

  @Test
  void stylesThatLoadOrPositionAreDropped() {
    assertThat(
            HtmlWasher.washStyle(
                "color: red; background:url(https://t.example/x); position:fixed;"
                    + " --u:url(x); background: var(--u); width: expression(alert(1)); font-size: 12px"))
        .isEqualTo("color: red; font-size: 12px");
  }

  @Test
  void linksOpenOutsideTheFrameWithoutReferrer() {
    Element link =
        Jsoup.parse(HtmlWasher.wash("<a href=https://example.org>x</a>", id -> null, false).html())
            .selectFirst("a");
    assertThat(link.attr("target")).isEqualTo("_blank");
    assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
  }
}
