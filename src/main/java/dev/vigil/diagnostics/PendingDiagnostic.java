package dev.vigil.diagnostics;

/** A diagnostic whose header was read while its following lines may still add to it. */
record PendingDiagnostic(
    String file, int line, int column, Severity severity, String code, String message) {

  PendingDiagnostic at(String newFile, int newLine, int newColumn) {
    return new PendingDiagnostic(newFile, newLine, newColumn, severity, code, message);
  }

  PendingDiagnostic atColumn(int newColumn) {
    return new PendingDiagnostic(file, line, newColumn, severity, code, message);
  }

  PendingDiagnostic withCode(String newCode) {
    return new PendingDiagnostic(file, line, column, severity, newCode, message);
  }

  PendingDiagnostic withDetail(String detail) {
    if (message.length() > Sink.MAX_MESSAGE) {
      return this;
    }
    return new PendingDiagnostic(file, line, column, severity, code, message + " (" + detail + ")");
  }

  void addTo(Sink sink) {
    sink.add(file, line, column, severity, code, message);
  }
}
