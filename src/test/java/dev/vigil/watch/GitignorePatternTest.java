package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.glob.GitignorePattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pattern features, with the examples of the gitignore documentation. */
class GitignorePatternTest {

  private static boolean matches(String pattern, String path, boolean dir) {
    return matchesUnder(pattern, "", path, dir);
  }

  private static boolean matchesUnder(String pattern, String base, String path, boolean dir) {
    List<GitignorePattern> parsed = GitignoreParser.parse(pattern.getBytes(StandardCharsets.UTF_8));
    if (parsed.isEmpty()) {
      return false;
    }
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    int slash = path.lastIndexOf('/');
    int basename =
        slash < 0 ? 0 : path.substring(0, slash + 1).getBytes(StandardCharsets.UTF_8).length;
    return new IgnoreFile("test", base, parsed).lastMatch(bytes, bytes.length, basename, dir)
        != null;
  }

  @Test
  void blankLinesAndCommentsMatchNothing() {
    assertThat(GitignoreParser.parse("\n# comment\n   \n\r\n".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  void escapedHashAndBangAreLiteral() {
    assertThat(matches("\\#foo", "#foo", false)).isTrue();
    assertThat(matches("\\!important", "!important", false)).isTrue();
    assertThat(GitignoreParser.parse("\\!x".getBytes(StandardCharsets.UTF_8)).get(0).negative())
        .isFalse();
  }

  @Test
  void trailingSpacesAreTrimmedUnlessEscaped() {
    assertThat(matches("foo   ", "foo", false)).isTrue();
    assertThat(matches("foo\\ ", "foo ", false)).isTrue();
    assertThat(matches("foo\\ ", "foo", false)).isFalse();
    assertThat(matches("foo\\  ", "foo ", false)).isTrue();
  }

  @Test
  void crlfLineEndingsAreAccepted() {
    assertThat(matches("foo\r\nbar\r\n", "bar", false)).isTrue();
  }

  @Test
  void negationIsFlaggedAndStripped() {
    GitignorePattern p = GitignorePattern.compile("!foo");
    assertThat(p.negative()).isTrue();
    assertThat(matches("!foo", "foo", false)).isTrue();
  }

  @Test
  void patternWithoutSlashMatchesAtAnyDepth() {
    assertThat(matches("hello.*", "hello.txt", false)).isTrue();
    assertThat(matches("hello.*", "a/b/hello.c", false)).isTrue();
    assertThat(matches("hello.*", "hello", false)).isFalse();
  }

  @Test
  void slashAtStartOrMiddleAnchorsToTheFilesDirectory() {
    assertThat(matches("/foo", "foo", false)).isTrue();
    assertThat(matches("/foo", "a/foo", false)).isFalse();
    assertThat(matches("doc/frotz", "doc/frotz", true)).isTrue();
    assertThat(matches("doc/frotz", "a/doc/frotz", true)).isFalse();
    assertThat(matchesUnder("/foo", "sub", "sub/foo", false)).isTrue();
    assertThat(matchesUnder("a/b", "sub", "sub/a/b", false)).isTrue();
    assertThat(matchesUnder("a/b", "sub", "a/b", false)).isFalse();
  }

  @Test
  void trailingSlashMatchesOnlyDirectories() {
    assertThat(matches("frotz/", "frotz", true)).isTrue();
    assertThat(matches("frotz/", "a/frotz", true)).isTrue();
    assertThat(matches("frotz/", "frotz", false)).isFalse();
    assertThat(matches("doc/frotz/", "doc/frotz", true)).isTrue();
    assertThat(matches("doc/frotz/", "a/doc/frotz", true)).isFalse();
  }

  @Test
  void starAndQuestionMarkDoNotCrossSlashes() {
    assertThat(matches("foo/*", "foo/test.json", false)).isTrue();
    assertThat(matches("foo/*", "foo/bar", true)).isTrue();
    assertThat(matches("foo/*", "foo/bar/hello.c", false)).isFalse();
    assertThat(matches("f?o", "fxo", false)).isTrue();
    assertThat(matches("a?b/c", "a/b/c", false)).isFalse();
    assertThat(matches("*.log", "deep/dir/x.log", false)).isTrue();
  }

  @Test
  void bracketClasses() {
    assertThat(matches("[a-c]x", "bx", false)).isTrue();
    assertThat(matches("[a-c]x", "dx", false)).isFalse();
    assertThat(matches("[!a]x", "bx", false)).isTrue();
    assertThat(matches("[!a]x", "ax", false)).isFalse();
    assertThat(matches("[^a]x", "ax", false)).isFalse();
    assertThat(matches("[]a]", "]", false)).isTrue();
    assertThat(matches("[[:digit:]]", "7", false)).isTrue();
    assertThat(matches("[[:digit:]]", "x", false)).isFalse();
    assertThat(matches("[a", "[a", false)).isFalse();
  }

  @Test
  void backslashEscapesGlobCharacters() {
    assertThat(matches("st\\*r", "st*r", false)).isTrue();
    assertThat(matches("st\\*r", "stxr", false)).isFalse();
    assertThat(matches("\\[ab\\]", "[ab]", false)).isTrue();
    assertThat(matches("q\\?", "qx", false)).isFalse();
  }

  @Test
  void leadingDoubleStarMatchesInAllDirectories() {
    assertThat(matches("**/foo", "foo", false)).isTrue();
    assertThat(matches("**/foo", "a/b/foo", false)).isTrue();
    assertThat(matches("**/foo/bar", "foo/bar", false)).isTrue();
    assertThat(matches("**/foo/bar", "x/foo/bar", false)).isTrue();
    assertThat(matches("**/foo/bar", "x/foo/baz", false)).isFalse();
  }

  @Test
  void trailingDoubleStarMatchesEverythingInside() {
    assertThat(matches("abc/**", "abc/x", false)).isTrue();
    assertThat(matches("abc/**", "abc/x/y/z", false)).isTrue();
    assertThat(matches("abc/**", "abc", true)).isFalse();
  }

  @Test
  void middleDoubleStarMatchesZeroOrMoreDirectories() {
    assertThat(matches("a/**/b", "a/b", false)).isTrue();
    assertThat(matches("a/**/b", "a/x/b", false)).isTrue();
    assertThat(matches("a/**/b", "a/x/y/b", false)).isTrue();
    assertThat(matches("a/**/b", "a/x/y/c", false)).isFalse();
  }

  @Test
  void doubleStarNotBetweenSlashesIsAPlainStar() {
    assertThat(matches("a**/b", "ax/b", false)).isTrue();
    assertThat(matches("x/a**b", "x/ab/cb", false)).isFalse();
  }

  @Test
  void laterLinesWinWithinAFile() {
    String text = "*.log\n!keep.log\n";
    List<GitignorePattern> parsed = GitignoreParser.parse(text.getBytes(StandardCharsets.UTF_8));
    IgnoreFile file = new IgnoreFile("t", "", parsed);
    byte[] keep = "keep.log".getBytes(StandardCharsets.UTF_8);
    byte[] other = "x.log".getBytes(StandardCharsets.UTF_8);
    assertThat(file.lastMatch(keep, keep.length, 0, false).negative()).isTrue();
    assertThat(file.lastMatch(other, other.length, 0, false).negative()).isFalse();
  }

  @Test
  void nonAsciiNamesMatchByteWiseLikeGit() {
    assertThat(matches("é", "é", false)).isTrue();
    assertThat(matches("??", "é", false)).isTrue();
    assertThat(matches("?", "é", false)).isFalse();
  }
}
