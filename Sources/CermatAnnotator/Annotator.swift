import CermatRules
import CermatWorkbook
import Foundation

/// Writes the annotated copy of a workbook (DESIGN §5): every sheet rebuilt from the workbook model with its values,
/// formulas, styles and layout, each flagged cell filled and bordered by severity with a note explaining it, and a
/// first sheet `Temuan` listing the findings. The copy is written to a temporary file beside the target and renamed
/// into place, so an interrupted run leaves no half-written workbook; the source file is never touched.
public struct Annotator: Sendable {
    /// The language of notes and of the `Temuan` sheet.
    public var language: Language
    /// Sheets with more cells than this are written in libxlsxwriter's constant-memory mode (rows in order, memory
    /// flat); it applies to the whole workbook.
    public var constantMemoryCells: Int

    /// An annotator.
    public init(language: Language = .id, constantMemoryCells: Int = 250_000) {
        self.language = language
        self.constantMemoryCells = constantMemoryCells
    }

    /// Writes the annotated copy of `workbook` with `findings` (the workbook's own) to `path`; the related cells that
    /// `related` findings (findings across documents, wherever they lie) name in this workbook are marked and noted too,
    /// saying where the finding is. Returns what was written and what was lost.
    @discardableResult
    public func write(_ workbook: Workbook, findings: [Finding], related: [Finding] = [],
                      to path: String) throws(AnnotatorError) -> AnnotationReport {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        if target.resolvingSymlinksInPath() == URL(fileURLWithPath: workbook.source).standardizedFileURL.resolvingSymlinksInPath() {
            throw AnnotatorError(file: path, "refusing to write the annotated copy over its own source workbook")
        }
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp.xlsx")
        do throws(AnnotatorError) {
            let report = try writeCopy(workbook, findings, related, temporary.path, shownAs: path)
            guard rename(temporary.path, target.path) == 0 else {
                throw AnnotatorError(file: path, "cannot move the finished copy into place: \(String(cString: strerror(errno)))")
            }
            return report
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    private func writeCopy(_ workbook: Workbook, _ findings: [Finding], _ related: [Finding], _ temporary: String,
                           shownAs path: String) throws(AnnotatorError) -> AnnotationReport {
        let constantMemory = workbook.sheets.contains { $0.cells.count > constantMemoryCells }
        let writer = try XlsxWriter(path: temporary, constantMemory: constantMemory)
        var report = AnnotationReport(path: path, constantMemory: constantMemory)
        let names = SheetNames(workbook.sheets.map(\.name), findingsSheet: FindingsSheet.name)
        for (original, written) in zip(workbook.sheets.map(\.name), names.written) where original != written {
            report.lost.append(language == .id ? "sheet '\(original)' ditulis sebagai '\(written)' (nama tidak diterima libxlsxwriter)"
                                               : "sheet '\(original)' written as '\(written)' (a name libxlsxwriter rejects)")
        }
        if workbook.sheets.contains(where: { $0.visibility == .veryHidden }) {
            report.lost.append(language == .id ? "sheet yang sangat tersembunyi (veryHidden) ditulis sebagai tersembunyi biasa"
                                               : "very hidden sheets are written as ordinary hidden ones")
        }
        if workbook.sheets.contains(where: { $0.pane.map { !$0.frozen } ?? false }) {
            report.lost.append(language == .id ? "panel terpisah (split) tidak dibawa; panel beku dibawa"
                                               : "split panes are not carried over; frozen panes are")
        }
        let bySheet = Dictionary(grouping: findings, by: \.sheetIndex)
        // Each related cell in this workbook, by sheet, with the finding that names it.
        let sheetIndex = Dictionary(workbook.sheets.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var relatedBySheet: [Int: [(cell: CellAddress, finding: Finding)]] = [:]
        for finding in related {
            for location in finding.related where location.file == workbook.source {
                guard let index = sheetIndex[location.sheet],
                      !(finding.file == workbook.source && finding.sheetIndex == index && finding.cell == location.cell) else { continue }
                relatedBySheet[index, default: []].append((location.cell, finding))
            }
        }
        let findingsSheet = try writer.addSheet(names.findingsSheet)
        var sheetWriters: [SheetWriter] = []
        for name in names.written { sheetWriters.append(try writer.addSheet(name)) }
        for (index, sheet) in workbook.sheets.enumerated() {
            let copier = SheetCopier(workbook: workbook, sheet: sheet, writer: sheetWriters[index], owner: writer,
                                     findings: bySheet[index] ?? [], related: relatedBySheet[index] ?? [], language: language)
            try copier.copy(into: &report)
        }
        try FindingsSheet(writer: findingsSheet, owner: writer, workbook: workbook, findings: findings,
                          sheetNames: names.written, language: language).write(lost: report.lost + lostContent(workbook))
        findingsSheet.activate()
        try writer.close()
        return report
    }

    // What the model does not hold and so cannot be carried into the copy.
    private func lostContent(_ workbook: Workbook) -> [String] {
        workbook.unsupportedContent.sorted { $0.rawValue < $1.rawValue }.map { content in
            let (id, en): (String, String) = switch content {
            case .charts: ("grafik", "charts")
            case .images: ("gambar", "images")
            case .pivotTables: ("tabel pivot", "pivot tables")
            case .threadedComments: ("komentar berutas (threaded comments)", "threaded comments")
            case .macros: ("makro", "macros")
            case .tables: ("tabel Excel (ListObject)", "Excel tables (list objects)")
            case .conditionalFormatting: ("format bersyarat", "conditional formatting")
            case .dataValidation: ("validasi data", "data validation")
            case .hyperlinks: ("tautan (hyperlink)", "hyperlinks")
            }
            return (language == .id ? "tidak dibawa dari aslinya: " : "not carried over from the original: ") + (language == .id ? id : en)
        }
    }
}

/// What an annotated copy holds, and what of the source it could not carry.
public struct AnnotationReport: Sendable {
    /// The copy's path.
    public var path: String
    /// Whether it was written in constant-memory mode.
    public var constantMemory: Bool
    /// Cells marked for a finding.
    public var flaggedCells = 0
    /// Notes written (the source's and Cermat's).
    public var notes = 0
    /// What could not be carried over, in the annotator's language.
    public var lost: [String] = []

    /// A report.
    public init(path: String, constantMemory: Bool) {
        self.path = path
        self.constantMemory = constantMemory
    }
}
