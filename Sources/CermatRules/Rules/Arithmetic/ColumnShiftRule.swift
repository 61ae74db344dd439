import CermatPlanning
import CermatWorkbook

/// HDR02: a derived value that sits in its neighbour's column on a row (E-81 program rows print column 15 in another order).
public struct ColumnShiftRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "column-shift", catalogue: ["HDR02"],
        name: Message(id: "Nilai bergeser kolom", en: "Value in the wrong column"),
        severity: .warning,
        description: Message(
            id: "Nilai sebuah kolom turunan yang justru sama dengan nilai yang seharusnya ada di kolom sebelahnya: baris itu memakai susunan kolom yang berbeda. Bila semua baris satu tingkat memakai susunan sendiri (di E-81 baris program mencetak kolom 15 sebagai K | Kr | Rp% sedangkan baris sub kegiatan K | Rp% | Rp=14), Cermat membaca baris-baris itu menurut susunannya dan melaporkannya sekali sebagai info. Kolom kumulatif indikator persentase atau stok yang memuat tingkat terakhirnya bukan pergeseran (rumus penjumlahannya tidak berlaku di sana).",
            en: "A derived column's value that equals what its neighbour should hold: the row uses another column order. When every row of a level uses its own order (E-81's program rows print column 15 as K | Kr | Rp% while sub-kegiatan rows print K | Rp% | Rp=14), Cermat reads those rows by it and reports it once, as info. The cumulative column of a percentage or stock indicator holding its latest level is not a shift (its sum does not apply there)."),
        rationale: Message(
            id: "Pembaca dan mesin membaca kolom menurut kepalanya; nilai yang bergeser terbaca sebagai angka lain.",
            en: "Readers and machines read a column by its header; a shifted value reads as another quantity."),
        examples: [
            RuleExample("capaian dan penyerapan tertukar", [
                ["Indikator", "Target", "Realisasi", "Pagu", "Realisasi Anggaran", "Capaian Kinerja (%)", "Penyerapan (%)"],
                ["1", "2", "3", "4", "5", "6=(3/2)*100%", "7=(5/4)*100%"],
                ["Jumlah Paket", "10", "5", "200", "100", "50,00", "50,00"],
                ["Jumlah Dokumen", "10", "5", "200", "150", "!75,00", "!50,00"],
            ]),
            RuleExample("pada tempatnya", [
                ["Indikator", "Target", "Realisasi", "Pagu", "Realisasi Anggaran", "Capaian Kinerja (%)", "Penyerapan (%)"],
                ["1", "2", "3", "4", "5", "6=(3/2)*100%", "7=(5/4)*100%"],
                ["Jumlah Dokumen", "10", "5", "200", "150", "50,00", "75,00"],
            ]),
            RuleExample("indikator persentase: kolom kumulatif memuat tingkat terakhirnya, yang sama dengan capaian Renstra bila targetnya 100", [
                ["Indikator", "Target Renstra", "Realisasi s/d 2023", "Target 2024", "Realisasi 2024", "Realisasi s/d 2024", "Tingkat Capaian Renstra (%)"],
                ["1", "2", "3", "4", "5", "6 = 3 + 5", "7 = (6/2)*100%"],
                ["Persentase Pemeliharaan Barang Milik Daerah", "100", "100", "100", "90", "90", "90"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Reports each level's own column order once, and each shifted derived value outside one.
    public func check(table: PlanningTable, in context: RuleContext) {
        for layout in table.rowLayouts {
            guard let first = layout.rows.first, let row = table.rows.first(where: { $0.sheetRow == first }),
                  let move = layout.moves.first else { continue }
            let moves = layout.moves.map { move in
                let printed = table.columnLabel(move.printedIn), meaning = table.columnLabel(move.means)
                return move.repeats
                    ? (id: "\(printed.id) mengulang \(meaning.id)", en: "\(printed.en) repeats \(meaning.en)")
                    : (id: "\(printed.id) berisi nilai \(meaning.id)", en: "\(printed.en) holds \(meaning.en)")
            }
            let level = layout.level.rawValue
            context.report(table, row: row, cell: CellAddress(row: first, column: move.printedIn),
                           column: table.column(at: move.printedIn)?.descriptor,
                           message: Message(
                            id: "\(layout.rows.count) baris \(level) memakai susunan kolom sendiri: \(moves.map(\.id).joined(separator: "; ")); Cermat membaca baris-baris itu menurut susunan tersebut",
                            en: "\(layout.rows.count) \(level) rows use their own column order: \(moves.map(\.en).joined(separator: "; ")); Cermat reads those rows by it"),
                           related: layout.rows.dropFirst().map { CellAddress(row: $0, column: move.printedIn) }, severity: .info)
        }
        // Every row's cells compared from the table's columns (`ValueColumns`); a row is read only where they differ.
        let values = ValueColumns.of(table, in: context)
        let rows = values.dataRows
        for derivation in table.derivations {
            guard let target = values[derivation.target] else { continue }
            let hundred = derivation.scalesByHundred(in: table)
            for index in rows {
                guard let actual = target.number(index), let expected = values.value(of: derivation, hundred: hundred, row: index),
                      target.compare(index, actual, expected: expected, context.tolerance) == .different else { continue }
                let row = table.rows[index]
                guard let printed = row.values[derivation.target], !CumulativeRealisationRule.exempts(row, derivation, table),
                      DerivationCheck.isShifted(row, derivation, table, context) else { continue }
                let column = table.columnLabel(derivation.target)
                let value = printed.shown(actual)
                context.report(table, row: row, cell: table.cell(row, derivation.target),
                               column: table.column(at: derivation.target)?.descriptor,
                               message: Message(
                                id: "\(column.id) pada baris ini memuat \(value.id), nilai yang seharusnya di kolom sebelahnya: susunan kolom baris ini berbeda dari kepala tabel",
                                en: "\(column.en) holds \(value.en) on this row, the value its neighbour should hold: this row's columns are in another order than the header's"),
                               expected: expected, actual: actual)
            }
        }
    }
}
