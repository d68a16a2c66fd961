package dev.yubin.web.interfaces.webmail.render;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The registry of {@link PartRenderer}s: every bean, sorted once by priority (lowest first), then
 * class name. Weld does not order {@code Instance} by {@code @Priority} (DESIGN.md), hence the
 * explicit sort.
 */
@ApplicationScoped
public class PartRenderers {

  /** Priority of a renderer bean without {@code @Priority}: after the built-in ones. */
  static final int DEFAULT_PRIORITY = 5000;

  @Inject @Any Instance<PartRenderer> beans;

  private List<PartRenderer> renderers;

  public PartRenderers() {}

  /** A registry of the given renderers, in this order (tests). */
  public static PartRenderers of(List<PartRenderer> renderers) {
    PartRenderers registry = new PartRenderers();
    registry.renderers = List.copyOf(renderers);
    return registry;
  }

  /** The built-in renderers (tests; in the server CDI finds them and any plugin's). */
  public static PartRenderers builtIn() {
    return of(
        List.of(
            new TextRenderer(), new HtmlRenderer(), new ImageRenderer(), new MessageRenderer()));
  }

  @PostConstruct
  void sort() {
    record Ranked(PartRenderer renderer, int priority) {}
    List<Ranked> ranked = new ArrayList<>();
    for (Instance.Handle<PartRenderer> handle : beans.handles()) {
      ranked.add(new Ranked(handle.get(), priority(handle.getBean())));
    }
    ranked.sort(
        Comparator.comparingInt(Ranked::priority)
            .thenComparing(r -> r.renderer().getClass().getName()));
    renderers = ranked.stream().map(Ranked::renderer).toList();
  }

  private static int priority(Bean<?> bean) {
    if (bean instanceof Prioritized prioritized) {
      return prioritized.getPriority();
    }
    Priority priority = bean.getBeanClass().getAnnotation(Priority.class);
    return priority == null ? DEFAULT_PRIORITY : priority.value();
  }

  /** The first renderer that accepts the media type, or null. */
  public PartRenderer find(String type, String subtype) {
    for (PartRenderer renderer : renderers) {
      if (renderer.accepts(type, subtype)) {
        return renderer;
      }
    }
    return null;
  }
}
