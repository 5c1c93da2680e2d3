package dev.vigil.pipeline;

import dev.vigil.config.ProjectConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The cross-project {@code after} relation: who follows whom. The config has no cycle. */
public final class AfterChains {
  private final List<ProjectConfig> projects;

  public AfterChains(List<ProjectConfig> projects) {
    this.projects = List.copyOf(projects);
  }

  /** The projects that run when {@code project}'s pipeline passes. */
  public List<String> followersOf(String project) {
    List<String> out = new ArrayList<>();
    for (ProjectConfig p : projects) {
      if (p.after().contains(project)) {
        out.add(p.name());
      }
    }
    return out;
  }

  /** The projects in an order where every project comes after those it follows. */
  public List<ProjectConfig> inOrder() {
    Set<String> placed = new LinkedHashSet<>();
    List<ProjectConfig> out = new ArrayList<>();
    boolean progress = true;
    while (out.size() < projects.size() && progress) {
      progress = false;
      for (ProjectConfig p : projects) {
        if (!placed.contains(p.name())
            && p.after().stream()
                .allMatch(
                    a ->
                        placed.contains(a)
                            || projects.stream().noneMatch(q -> q.name().equals(a)))) {
          placed.add(p.name());
          out.add(p);
          progress = true;
        }
      }
    }
    return out;
  }
}
