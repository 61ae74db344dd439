import CermatPlanning
import CermatWorkbook

/// HDR01: what recognition could not reconcile between a table's header and its data (the table's remarks).
public struct HeaderMismatchRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "header-mismatch", catalogue: ["HDR01"],
        name: Message(id: "Kepala tabel tidak sesuai data", en: "Header does not match the data"),
        severity: .warning,
        description: Message(
            id: "Dilaporkan: kolom berisi angka yang judulnya tidak dikenali (angkanya tidak ikut diperiksa), sub-judul yang tidak punya kolom data (kepala tabel lebih lebar daripada datanya), angka di kanan kolom terakhir kepala tabel (data lebih lebar daripada kepalanya), rumus di baris nomor kolom yang menyebut kolom yang tidak ada, dan kepala tabel yang cocok dengan beberapa bentuk tabel sekaligus.",
            en: "Reported: a column of numbers whose header is not understood (its numbers go unchecked), sub-headers without a data column (the header is wider than its data), numbers right of the header's last column (the data is wider than its header), a formula of the column-number row naming a column that does not exist, and a header that fits several table forms at once."),
        rationale: Message(
            id: "Kolom dibaca menurut judulnya; bila judul dan data tidak sejajar, setiap nilai di kanannya terbaca sebagai besaran lain dan pemeriksaan lain menjadi keliru atau terlewat (Tabel 1 Renja-P Kab. Kutai Kartanegara 2024: halaman pertama mencetak tiga sub-judul untuk satu kolom data).",
            en: "Columns are read by their headers; when header and data are out of line, every value to the right reads as another quantity and other checks go wrong or are skipped (Kab. Kutai Kartanegara's Renja-P 2024, Tabel 1: the first page prints three sub-headers over one data column)."),
        examples: [
            RuleExample("sub-judul tanpa kolom data dan kolom angka tanpa judul yang dikenali", [
                ["Kode", "Program/Kegiatan /Sub.Kegiatan", "Realisasi sampai dengan Tahun 2023", "<", "<", "Target Tahun 2024", "!Lain-lain"],
                ["^", "^", "Target", "!Realisasi", "!Tingkat Realisasi (%)", "^", "^"],
                ["1", "2", "3", "", "", "4", "5"],
                ["1.06.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "2 Dokumen", "", "", "6", "5"],
                ["1.06.01.2.01.06", "Koordinasi dan Penyusunan Laporan Capaian Kinerja", "24 Laporan", "", "", "12", "12"],
            ]),
            RuleExample("kepala dan data sejajar", [
                ["Kode", "Program/Kegiatan /Sub.Kegiatan", "Realisasi sampai dengan Tahun 2023", "Target Tahun 2024", "Realisasi Triwulan II"],
                ["1", "2", "3", "4", "5"],
                ["1.06.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "2 Dokumen", "6", "5"],
                ["1.06.01.2.01.06", "Koordinasi dan Penyusunan Laporan Capaian Kinerja", "24 Laporan", "12", "12"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reports each remark recognition left on the table; a column it did not understand only when it holds numbers.
    public func check(table: PlanningTable, in context: RuleContext) {
        let sheet = context.sheet(of: table)
        for remark in table.remarks {
            let column = CellAddress.columnName(remark.cell.column)
            let message: Message
            switch remark.kind {
            case .ambiguousForm:
                let forms = remark.subject.split(separator: ",").map { TextKey.trimmed($0) }
                message = Message(
                    id: "kepala tabel cocok dengan beberapa bentuk tabel sekaligus (\(remark.subject)); dipakai \(forms.first ?? ""): periksa judul kolomnya agar tabel terbaca menurut bentuk yang benar",
                    en: "the header fits several table forms at once (\(remark.subject)); \(forms.first ?? "") was used: check the column headers so that the table is read by the right form")
            case .unknownColumn:
                guard let example = Self.firstNumber(in: remark.cell.column, table, sheet) else { continue }
                message = Message(
                    id: "judul kolom \(column) \"\(remark.subject)\" tidak dikenali, padahal kolom ini berisi angka (mis. \(example)): angkanya tidak ikut diperiksa; beri judul yang menyebut isinya (target, realisasi, pagu, capaian…)",
                    en: "the header of column \(column) \"\(remark.subject)\" is not understood although the column holds numbers (e.g. \(example)): they go unchecked; give it a header that names its content (target, realisasi, pagu, capaian…)")
            case .headerWithoutData:
                message = Message(
                    id: "sub-judul \"\(remark.subject)\" di kolom \(column) tidak bernomor kolom dan tidak berisi data di baris mana pun: kepala tabel lebih lebar daripada datanya, sehingga judul kolom di kanannya mungkin tidak sejajar dengan nilainya",
                    en: "the sub-header \"\(remark.subject)\" in column \(column) has no column number and no value in any row: the header is wider than its data, so the headers to its right may not line up with their values")
            case .dataBeyondHeader:
                message = Message(
                    id: "baris data berisi nilai di kolom \(column) (\"\(remark.subject)\"), di kanan kolom terakhir kepala tabel: data lebih lebar daripada kepalanya dan nilai ini tidak terbaca",
                    en: "data rows hold values in column \(column) (\"\(remark.subject)\"), right of the header's last column: the data is wider than its header and these values are not read")
            case .unresolvedFormula:
                message = Message(
                    id: "baris nomor kolom menyatakan rumus \"\(remark.subject)\", tetapi kolom yang disebutnya tidak ada di kepala tabel: nomor kolom dan judul tidak sejajar",
                    en: "the column-number row states the formula \"\(remark.subject)\" but the columns it names are not in the header: numbers and headers are out of line")
            }
            context.report(table, row: nil, cell: remark.cell, column: table.column(at: remark.cell.column)?.descriptor,
                           message: message)
        }
    }

    // The first number printed in a column's data rows, as printed.
    private static func firstNumber(in column: Int, _ table: PlanningTable, _ sheet: Worksheet) -> String? {
        for row in table.dataRows() {
            guard let cell = sheet[row.sheetRow, column] else { continue }
            switch cell.value {
            case .number(let number): return Numeral.text(number, decimals: nil, language: .id)
            case .string(let text) where ValueParser.parse(text).value.number != nil: return TextKey.trimmed(text)
            default: continue
            }
        }
        return nil
    }
}
