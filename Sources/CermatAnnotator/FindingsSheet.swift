import CXlsxWriter
import CermatRules
import CermatWorkbook
import Foundation

/// The copy's first sheet, `Temuan`: what the reviewer reads first. A summary by severity and by rule, the legend of
/// the marks, what could not be carried over, then one row per finding with a link to its cell.
struct FindingsSheet {
    /// The sheet's name (DESIGN §5), in every language.
    static let name = "Temuan"
    /// Excel keeps at most this many links on a sheet; further cells are written as plain references.
    static let maximumLinks = 65_530

    let writer: SheetWriter
    let owner: XlsxWriter
    let workbook: Workbook
    let findings: [Finding]
    /// The copy's name of each source sheet, by index.
    let sheetNames: [String]
    let language: Language

    private func words(_ id: String, _ en: String) -> String { language == .id ? id : en }

    func write(lost: [String]) throws(AnnotatorError) {
        let title = owner.format(Self.spec(bold: true, size: 14))
        let bold = owner.format(Self.spec(bold: true))
        let header = owner.format(Self.spec(bold: true, border: true, fill: 0xD9D9D9))
        let plain = owner.format(Self.spec(border: true))
        let wrapped = owner.format(Self.spec(border: true, wrap: true))
        let link = owner.format(Self.spec(border: true, color: 0x0563C1, underline: true))
        func marked(_ severity: Severity) -> UnsafeMutablePointer<lxw_format> {
            owner.format(Self.spec(border: true, fill: SeverityMark.fill(severity), color: SeverityMark.border(severity)))
        }
        for (column, width) in [14.0, 12, 26, 22, 9, 90, 16, 16, 20, 44].enumerated() {
            try writer.columns(column, column, width: width, nil, hidden: false, level: 0)
        }
        var row = 0
        let file = URL(fileURLWithPath: workbook.source).lastPathComponent
        try writer.string(row, 0, words("Temuan Cermat: ", "Cermat findings: ") + file, title)
        row += 1
        try writer.string(row, 0, words(
            "Setiap temuan ditandai pada selnya dengan warna menurut tingkatnya dan catatan (note) yang menjelaskannya; klik sel di kolom Sel untuk menuju ke sana.",
            "Each finding is marked on its cell with its severity's colour and a note explaining it; click a cell in the Cell column to go there."), nil)
        row += 2

        try writer.string(row, 0, words("Ringkasan", "Summary"), bold)
        row += 1
        try writer.string(row, 0, words("Tingkat", "Severity"), header)
        try writer.string(row, 1, words("Jumlah", "Count"), header)
        row += 1
        for severity in Severity.allCases {
            try writer.string(row, 0, SeverityMark.word(severity, language), marked(severity))
            try writer.number(row, 1, Double(findings.count { $0.severity == severity }), plain)
            row += 1
        }
        row += 1
        let byRule = Dictionary(grouping: findings, by: \.rule).sorted { $0.value.count > $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) }
        if !byRule.isEmpty {
            try writer.string(row, 0, words("Aturan", "Rule"), header)
            try writer.string(row, 1, words("Jumlah", "Count"), header)
            try writer.string(row, 2, words("Nama", "Name"), header)
            for (offset, severity) in Severity.allCases.enumerated() {
                try writer.string(row, 3 + offset, SeverityMark.word(severity, language), header)
            }
            row += 1
            for (rule, found) in byRule {
                try writer.string(row, 0, rule, plain)
                try writer.number(row, 1, Double(found.count), plain)
                try writer.string(row, 2, RuleRegistry.rule(rule)?.info.name.text(language) ?? rule, plain)
                for (offset, severity) in Severity.allCases.enumerated() {
                    try writer.number(row, 3 + offset, Double(found.count { $0.severity == severity }), plain)
                }
                row += 1
            }
            row += 1
        }

        try writer.string(row, 0, words("Arti warna", "Colours"), bold)
        row += 1
        for severity in Severity.allCases {
            try writer.string(row, 0, SeverityMark.word(severity, language), marked(severity))
            let meaning = switch severity {
            case .error: words("hitungan atau identitas dilanggar: isi sel salah", "an identity or a sum is violated: the cell is wrong")
            case .warning: words("kemungkinan salah: perlu diperiksa", "probably wrong: needs a look")
            case .info: words("patut diketahui", "worth knowing")
            }
            try writer.string(row, 1, meaning, nil)
            row += 1
        }
        if !lost.isEmpty {
            row += 1
            try writer.string(row, 0, words("Tidak dapat dibawa ke salinan ini", "Not carried over into this copy"), bold)
            row += 1
            for item in lost {
                try writer.string(row, 0, "• " + item, nil)
                row += 1
            }
        }
        row += 1

        let columns = [words("No", "No"), words("Tingkat", "Severity"), words("Aturan", "Rule"), "Sheet", words("Sel", "Cell"),
                       words("Pesan", "Message"), words("Seharusnya", "Expected"), words("Tercetak", "Printed"), "Kode",
                       words("Indikator", "Indicator")]
        let headerRow = row
        for (column, text) in columns.enumerated() { try writer.string(row, column, text, header) }
        row += 1
        for (number, finding) in findings.enumerated() {
            let sheet = finding.sheetIndex < sheetNames.count ? sheetNames[finding.sheetIndex] : finding.sheet
            try writer.number(row, 0, Double(number + 1), plain)
            try writer.string(row, 1, SeverityMark.word(finding.severity, language), marked(finding.severity))
            try writer.string(row, 2, finding.rule, plain)
            try writer.string(row, 3, sheet, plain)
            let reference = "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!" + finding.cell.a1
            if number < Self.maximumLinks {
                try writer.internalLink(row, 4, to: reference, text: finding.cell.a1, link)
            } else {
                try writer.string(row, 4, finding.cell.a1, plain)
            }
            try writer.string(row, 5, CellText.prepared(finding.message.text(language)).text, wrapped)
            if let expected = finding.expected { try writer.number(row, 6, expected, plain) } else { try writer.blank(row, 6, plain) }
            if let actual = finding.actual { try writer.number(row, 7, actual, plain) } else { try writer.blank(row, 7, plain) }
            try writer.string(row, 8, finding.key.kode ?? "", plain)
            try writer.string(row, 9, CellText.prepared(finding.key.indicator ?? "").text, wrapped)
            row += 1
        }
        try writer.autofilter(CellRange(CellAddress(row: headerRow, column: 0), CellAddress(row: max(row - 1, headerRow), column: 9)))
    }

    private static func spec(bold: Bool = false, size: Double? = nil, border: Bool = false, wrap: Bool = false,
                             fill: UInt32? = nil, color: UInt32? = nil, underline: Bool = false) -> FormatSpec {
        var style = CellStyle()
        style.font.bold = bold
        style.font.size = size
        style.font.color = color.map { .argb(0xFF00_0000 | $0) }
        style.font.underline = underline ? "single" : nil
        if let fill { style.fill = Fill(pattern: "solid", foreground: .argb(0xFF00_0000 | fill), background: nil) }
        if border {
            let edge = Border.Edge(style: "thin", color: .argb(0xFFBF_BFBF))
            style.border = Border(left: edge, right: edge, top: edge, bottom: edge)
        }
        style.alignment.wrapText = wrap
        style.alignment.vertical = "top"
        return FormatSpec(style, theme: [], palette: [])
    }
}
