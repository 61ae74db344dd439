import CermatPlanning
import CermatWorkbook

/// A cell note `cermat: abaikan …` that suppresses nothing: it gives no reason, names no rule or names one that does not
/// exist. Cermat's own rule (not from DOMAIN §5): an accepted finding must say why, or its reviewer cannot judge it.
public struct InvalidSuppressionRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "invalid-suppression", catalogue: ["SUP01"],
        name: Message(id: "Catatan pengecualian tidak sah", en: "Invalid suppression note"),
        severity: .warning,
        description: Message(
            id: "Catatan sel yang diawali `cermat: abaikan <id-aturan> — <alasan>` (atau `cermat: ignore …`) menerima temuan aturan itu pada selnya. Catatan yang tidak menyebut alasan, tidak menyebut aturan, atau menyebut aturan yang tidak ada tidak mengecualikan apa pun dan ditandai.",
            en: "A cell note beginning `cermat: ignore <rule-id> — <reason>` (or `cermat: abaikan …`) accepts that rule's finding on its cell. A note that gives no reason, names no rule or names a rule that does not exist suppresses nothing and is flagged."),
        rationale: Message(
            id: "Pemeriksa (Bappeda, Inspektorat) yang menerima berkas melihat catatan itu: tanpa alasan ia tidak dapat menilai mengapa temuan diterima, dan salah ketik id aturan diam-diam tidak mengecualikan apa pun.",
            en: "The reviewer (Bappeda, Inspektorat) who receives the workbook sees the note: without a reason they cannot judge why the finding was accepted, and a mistyped rule id would silently suppress nothing."),
        examples: [
            RuleExample("catatan tanpa alasan, dan catatan dengan id aturan salah ketik", [
                ["Indikator", "Target", "Realisasi s/d Tahun 2024"],
                ["Persentase Pemenuhan Administrasi Umum", "100", "!124 [[cermat: abaikan percent-range]]"],
                ["Persentase Pelayanan Dokumen", "100", "!98,5 [[cermat: abaikan percent-rang — nilai kumulatif]]"],
            ]),
            RuleExample("catatan dengan aturan dan alasan (tanda pisah apa pun), dan catatan biasa", [
                ["Indikator", "Target", "Realisasi s/d Tahun 2024"],
                ["Persentase Pemenuhan Administrasi Umum", "100", "124 [[Budi:\ncermat: abaikan percent-range — realisasi kumulatif lima tahun]]"],
                ["Persentase Pelayanan Dokumen", "100", "98,5 [[cermat: ignore percent-range: cumulative]]"],
                ["Persentase Pelayanan Informasi", "100", "97 [[angka dari laporan triwulan IV]]"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads every note of the workbook, on any sheet, in a table or not.
    public func check(document: PlanningDocument, in context: RuleContext) {
        let known = Set(RuleRegistry.all.map { $0.info.id })
        for (index, sheet) in context.workbook.sheets.enumerated() {
            for note in sheet.notes {
                for directive in SuppressionNote.parse(note.text) {
                    guard let message = Self.problem(directive, known: known) else { continue }
                    report(message, at: note.address, sheet: sheet.name, index: index, document: document, context: context)
                }
            }
        }
    }

    private static func problem(_ directive: SuppressionNote, known: Set<String>) -> Message? {
        let quoted = "\"\(directive.line)\""
        if directive.rules.isEmpty {
            return Message(id: "catatan \(quoted) tidak menyebut aturan; tulis `cermat: abaikan <id-aturan> — <alasan>`",
                           en: "the note \(quoted) names no rule; write `cermat: ignore <rule-id> — <reason>`")
        }
        let unknown = directive.rules.filter { !known.contains($0) }
        if !unknown.isEmpty {
            let names = unknown.joined(separator: ", ")
            return Message(id: "catatan \(quoted) menyebut aturan yang tidak ada (\(names)); `cermat rules` mendaftar aturan",
                           en: "the note \(quoted) names a rule that does not exist (\(names)); `cermat rules` lists them")
        }
        if directive.reason.isEmpty {
            return Message(id: "catatan \(quoted) tidak menyebut alasan, sehingga tidak mengecualikan apa pun; tambahkan `— <alasan>`",
                           en: "the note \(quoted) gives no reason, so it suppresses nothing; add `— <reason>`")
        }
        return nil
    }

    // The note's row gives the finding its key when it lies in a table, so that its fingerprint survives inserted rows.
    private func report(_ message: Message, at cell: CellAddress, sheet: String, index: Int, document: PlanningDocument,
                        context: RuleContext) {
        for table in document.tables where table.sheetIndex == index {
            if let row = table.rows.first(where: { $0.sheetRow == cell.row || $0.continuationRows.contains(cell.row) }) {
                context.report(table, row: row, cell: cell, column: table.column(at: cell.column)?.descriptor, message: message)
                return
            }
        }
        context.report(Finding(rule: Self.info.id, severity: context.settings.severity, file: context.workbook.source,
                               sheet: sheet, sheetIndex: index, cell: cell, message: message,
                               key: Finding.Key(kode: nil, indicator: nil), column: nil))
    }
}
