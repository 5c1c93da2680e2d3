package dev.vigil.glob;

/**
 * Git's {@code wildmatch} over UTF-8 bytes: {@code *}, {@code **}, {@code ?}, bracket classes
 * (ranges, {@code !}/{@code ^} negation, {@code [:alpha:]}-style names) and backslash escapes.
 * Bytes past the end of a range read as NUL, as in the C original.
 */
public final class Wildmatch {
  private static final int MATCH = 0;
  private static final int NOMATCH = 1;
  private static final int ABORT_ALL = -1;
  private static final int ABORT_TO_STARSTAR = -2;

  private Wildmatch() {}

  /** Whether {@code pat[pStart, pEnd)} matches {@code text[tStart, tEnd)}. */
  public static boolean matches(
      byte[] pat, int pStart, int pEnd, byte[] text, int tStart, int tEnd, boolean pathname) {
    return new Wildmatch.Run(pat, pEnd, text, tEnd, pathname).dowild(pStart, tStart) == MATCH;
  }

  /** One matching run; holds the bounds so the recursion passes only positions. */
  private static final class Run {
    private final byte[] pat;
    private final int pEnd;
    private final byte[] text;
    private final int tEnd;
    private final boolean pathname;

    Run(byte[] pat, int pEnd, byte[] text, int tEnd, boolean pathname) {
      this.pat = pat;
      this.pEnd = pEnd;
      this.text = text;
      this.tEnd = tEnd;
      this.pathname = pathname;
    }

    private int pc(int i) {
      return i < pEnd ? pat[i] & 0xFF : 0;
    }

    private int tc(int i) {
      return i < tEnd ? text[i] & 0xFF : 0;
    }

    private boolean slashFrom(int t) {
      for (int i = t; i < tEnd; i++) {
        if (text[i] == '/') {
          return true;
        }
      }
      return false;
    }

    int dowild(int p, int t) {
      final int patternStart = p;
      for (int pCh; (pCh = pc(p)) != 0; t++, p++) {
        int tCh = tc(t);
        if (tCh == 0 && pCh != '*') {
          return ABORT_ALL;
        }
        switch (pCh) {
          case '\\' -> {
            pCh = pc(++p);
            if (tCh != pCh) {
              return NOMATCH;
            }
          }
          case '?' -> {
            if (pathname && tCh == '/') {
              return NOMATCH;
            }
          }
          case '*' -> {
            boolean matchSlash;
            if (pc(++p) == '*') {
              int prevP = p - 2;
              while (pc(++p) == '*') {}
              if (!pathname) {
                matchSlash = true;
              } else if ((prevP < patternStart || pat[prevP] == '/')
                  && (pc(p) == 0 || pc(p) == '/' || (pc(p) == '\\' && pc(p + 1) == '/'))) {
                if (pc(p) == '/' && dowild(p + 1, t) == MATCH) {
                  return MATCH;
                }
                matchSlash = true;
              } else {
                matchSlash = false;
              }
            } else {
              matchSlash = !pathname;
            }
            if (pc(p) == 0) {
              return !matchSlash && slashFrom(t) ? NOMATCH : MATCH;
            } else if (!matchSlash && pc(p) == '/') {
              int slash = t;
              while (slash < tEnd && text[slash] != '/') {
                slash++;
              }
              if (slash >= tEnd) {
                return NOMATCH;
              }
              t = slash;
              break;
            }
            return starLoop(p, t, tCh, matchSlash);
          }
          case '[' -> {
            if (!bracket(p, tCh)) {
              return NOMATCH;
            }
            p = bracketEnd;
            if (p < 0) {
              return ABORT_ALL;
            }
          }
          default -> {
            if (tCh != pCh) {
              return NOMATCH;
            }
          }
        }
      }
      return t < tEnd ? NOMATCH : MATCH;
    }

    private int starLoop(int p, int t, int tCh, boolean matchSlash) {
      while (tCh != 0) {
        int next = pc(p);
        if (!isGlobSpecial(next)) {
          while ((tCh = tc(t)) != 0 && (matchSlash || tCh != '/')) {
            if (tCh == next) {
              break;
            }
            t++;
          }
          if (tCh != next) {
            return NOMATCH;
          }
        }
        int matched = dowild(p, t);
        if (matched != NOMATCH) {
          if (!matchSlash || matched != ABORT_TO_STARSTAR) {
            return matched;
          }
        } else if (!matchSlash && tCh == '/') {
          return ABORT_TO_STARSTAR;
        }
        tCh = tc(++t);
      }
      return ABORT_ALL;
    }

    /** Position of the closing bracket after {@link #bracket}; -1 when the class is malformed. */
    private int bracketEnd;

    /**
     * Matches the class starting at {@code open} against {@code tCh}. Sets {@link #bracketEnd}; a
     * malformed class makes the whole match fail, as git's ABORT_ALL does.
     */
    private boolean bracket(int open, int tCh) {
      int p = open;
      int pCh = pc(++p);
      if (pCh == '^') {
        pCh = '!';
      }
      boolean negated = pCh == '!';
      if (negated) {
        pCh = pc(++p);
      }
      int prevCh = 0;
      boolean matched = false;
      bracketEnd = -1;
      do {
        if (pCh == 0) {
          return true; // bracketEnd = -1 signals ABORT_ALL
        }
        if (pCh == '\\') {
          pCh = pc(++p);
          if (pCh == 0) {
            return true;
          }
          if (tCh == pCh) {
            matched = true;
          }
        } else if (pCh == '-' && prevCh != 0 && pc(p + 1) != 0 && pc(p + 1) != ']') {
          pCh = pc(++p);
          if (pCh == '\\') {
            pCh = pc(++p);
            if (pCh == 0) {
              return true;
            }
          }
          if (tCh <= pCh && tCh >= prevCh) {
            matched = true;
          }
          pCh = 0;
        } else if (pCh == '[' && pc(p + 1) == ':') {
          int s = p += 2;
          while ((pCh = pc(p)) != 0 && pCh != ']') {
            p++;
          }
          if (pCh == 0) {
            return true;
          }
          int len = p - s - 1;
          if (len < 0 || pc(p - 1) != ':') {
            p = s - 2;
            pCh = '[';
            if (tCh == pCh) {
              matched = true;
            }
          } else {
            int found = CharClass.test(pat, s, len, tCh);
            if (found < 0) {
              return true;
            }
            if (found > 0) {
              matched = true;
            }
            pCh = 0;
          }
        } else if (tCh == pCh) {
          matched = true;
        }
        prevCh = pCh;
        pCh = pc(++p);
      } while (pCh != ']');
      bracketEnd = p;
      return matched != negated && !(pathname && tCh == '/');
    }
  }

  private static boolean isGlobSpecial(int c) {
    return c == '*' || c == '?' || c == '[' || c == '\\';
  }
}
