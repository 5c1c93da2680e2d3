package dev.vigil.watch;

/**
 * Temporary and backup files that editors and desktop tools write next to real files, which never
 * count as changes: vim swap, backup and probe files ({@code .x.swp}, {@code .x.swo}, {@code
 * .x.swx}, {@code x.swp}, {@code x~}, {@code 4913}); Emacs autosave and lock files ({@code #x#},
 * {@code .#x}); JetBrains safe-write files ({@code x___jb_tmp___}, {@code x___jb_old___}); atomic
 * save temporaries ({@code x.tmp}, {@code .x.tmp.1234}); {@code x.crswap} (browser and VS Code
 * remote swap files); LibreOffice locks ({@code .~lock.x#}); {@code .DS_Store} and {@code
 * Thumbs.db}.
 */
public final class EditorNoise {
  private EditorNoise() {}

  /** Whether a file with this name (no directory part) is editor or tool noise. */
  public static boolean isNoise(String fileName) {
    int n = fileName.length();
    if (n == 0) {
      return false;
    }
    if (fileName.endsWith("~")
        || fileName.endsWith(".swp")
        || fileName.endsWith(".tmp")
        || fileName.endsWith(".crswap")
        || fileName.endsWith("___jb_tmp___")
        || fileName.endsWith("___jb_old___")
        || fileName.equals("4913")
        || fileName.equals(".DS_Store")
        || fileName.equals("Thumbs.db")
        || fileName.startsWith(".#")) {
      return true;
    }
    if (fileName.charAt(0) == '.' && (fileName.endsWith(".swo") || fileName.endsWith(".swx"))) {
      return true;
    }
    if (n >= 2 && fileName.charAt(0) == '#' && fileName.charAt(n - 1) == '#') {
      return true;
    }
    if (fileName.startsWith(".~lock.") && fileName.charAt(n - 1) == '#') {
      return true;
    }
    return isNumberedTemp(fileName);
  }

  /** {@code .name.tmp.1234}: a dot file with {@code .tmp.} followed by digits only. */
  private static boolean isNumberedTemp(String name) {
    int at = name.lastIndexOf(".tmp.");
    if (name.charAt(0) != '.' || at <= 0 || at + 5 >= name.length()) {
      return false;
    }
    for (int i = at + 5; i < name.length(); i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
