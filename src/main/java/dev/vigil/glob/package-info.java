/**
 * The one pattern language of {@code watch}, {@code when}, {@code ignore} and {@code .gitignore}
 * files: git's wildmatch ({@link dev.vigil.glob.Wildmatch}), a line of {@code .gitignore} ({@link
 * dev.vigil.glob.GitignorePattern}), a selecting pattern ({@link dev.vigil.glob.Glob}) and its
 * syntax check ({@link dev.vigil.glob.GlobSyntax}). Depends on nothing of vigil's.
 */
package dev.vigil.glob;
