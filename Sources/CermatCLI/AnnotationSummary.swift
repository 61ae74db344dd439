import CermatAnnotator
import CermatRules

/// The line `annotate` and `lint --annotate` print for each copy they write.
enum AnnotationSummary {
    /// `wrote X.cermat.xlsx: 42 findings on 40 cells, 3 things not carried over`.
    static func line(_ report: AnnotationReport, findings: Int, language: Language) -> String {
        let lost = report.lost.isEmpty ? "" : language == .id ? "; \(report.lost.count) hal tidak dibawa (lihat sheet Temuan)"
            : "; \(report.lost.count) things not carried over (see the Temuan sheet)"
        return language == .id
            ? "salinan beranotasi: \(report.path) (\(findings) temuan pada \(report.flaggedCells) sel\(lost))"
            : "annotated copy: \(report.path) (\(findings) findings on \(report.flaggedCells) cells\(lost))"
    }
}
