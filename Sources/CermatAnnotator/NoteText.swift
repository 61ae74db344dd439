import CermatRules

/// The note on a flagged cell: the source's own note first, then each finding with its rule, severity, message and,
/// when numeric, the expected and the printed value.
enum NoteText {
    /// The note's text; `related` are findings elsewhere for which this cell is the other place.
    static func text(existing: String?, findings: [Finding], related: [Finding] = [], language: Language) -> String {
        let parts = findings.map { finding -> String in
            var part = "Cermat · \(finding.rule) (\(SeverityMark.word(finding.severity, language)))\n"
                + finding.message.text(language)
            if let expected = finding.expected, let actual = finding.actual {
                let shown = (Numeral.text(expected, decimals: nil, language: language),
                             Numeral.text(actual, decimals: nil, language: language))
                part += language == .id ? "\nSeharusnya: \(shown.0) · Tercetak: \(shown.1)"
                                        : "\nExpected: \(shown.0) · Printed: \(shown.1)"
            }
            return part
        }
        let others = related.map { finding -> String in
            let file = finding.file.split(separator: "/").last.map(String.init) ?? finding.file
            let place = "'\(finding.sheet)'!\(finding.cell.a1) (\(file))"
            return "Cermat · \(finding.rule) (\(SeverityMark.word(finding.severity, language)))\n"
                + (language == .id ? "Sel ini terkait temuan di \(place): " : "This cell is related to the finding at \(place): ")
                + finding.message.text(language)
        }
        return ([existing].compactMap { $0 } + parts + others).joined(separator: "\n\n")
    }

    /// A box size that shows the text without scrolling, within reason: (width, height) in pixels.
    static func size(_ text: String) -> (width: Int, height: Int) {
        let width = 360
        let perLine = 52
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .reduce(0) { $0 + max(1, ($1.count + perLine - 1) / perLine) }
        return (width, min(600, 16 * lines + 16))
    }
}
