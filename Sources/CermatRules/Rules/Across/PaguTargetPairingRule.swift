import CermatPlanning

/// XT08: a target given for a period whose pagu on the same row is empty, "-" or zero (Renja-P, APBD-P, E-81).
///
/// The catalogue puts XT08 with the checks across documents, but both halves of the pair lie on one row of one table,
/// so it is a check of one table (`check(table:in:)`) and needs no matching of subjects. Its other half, a pagu above
/// zero whose target is empty or "-", is already reported by `missing-value` (MISS01) at the target cell, so this rule
/// reports only the direction that rule does not: a target with no money for it.
public struct PaguTargetPairingRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "pagu-target-pairing", catalogue: ["XT08"],
        name: Message(id: "Target tanpa pagu", en: "Target without a budget"),
        severity: .warning,
        description: Message(
            id: "Pada satu baris, target kinerja yang terisi untuk suatu periode (tahun berjalan, sebelum atau sesudah perubahan, tahun perkiraan maju) harus disertai pagu periode yang sama: pagu kosong, \"-\" atau nol di samping target yang terisi dilaporkan pada sel pagu. Hanya baris setingkat dengan baris lain tabel itu yang berpagu diperiksa (baris indikator tambahan, yang pagunya ada di baris program atau kegiatannya, tidak). Arah sebaliknya, pagu tanpa target, dilaporkan oleh missing-value.",
            en: "On one row, a performance target given for a period (the current year, before or after perubahan, a forward-estimate year) must come with a pagu for the same period: an empty, \"-\" or zero pagu beside a given target is reported at the pagu cell. Only rows of a level that has a pagu on another row of the table are checked (a further indicator row, whose pagu is on its program or kegiatan row, is not). The other direction, a pagu without a target, is reported by missing-value."),
        rationale: Message(
            id: "Target tanpa anggaran tidak dapat dicapai dan tidak dapat dinilai efisiensinya; dalam Renja Perubahan dan APBD-P, target dan pagu setiap sub kegiatan ditetapkan berpasangan per periode (Renja Perubahan 2024 Kab. Kutai Kartanegara: sub kegiatan Pelayanan Dukungan Psikososial berpagu 150.000.000 dengan target \"-\").",
            en: "A target without money cannot be reached and its efficiency cannot be judged; in the Renja Perubahan and the APBD-P every sub-kegiatan's target and pagu are set in pairs per period (Renja Perubahan 2024 of Kab. Kutai Kartanegara: sub-kegiatan Pelayanan Dukungan Psikososial has a pagu of 150,000,000 with the target \"-\")."),
        examples: [
            RuleExample("target sesudah perubahan tanpa pagu sesudah perubahan", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Target Sebelum Perubahan", "Pagu Sebelum Perubahan",
                 "Target Sesudah Perubahan", "Pagu Sesudah Perubahan"],
                ["1.06.06.2.01", "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota", "150 Orang", "300.000.000,00", "150 Orang", "300.000.000,00"],
                ["1.06.06.2.01.01", "Penyediaan Makanan", "100 Orang", "150.000.000,00", "100 Orang", "150.000.000,00"],
                ["1.06.06.2.01.05", "Pelayanan Dukungan Psikososial", "50 Orang", "150.000.000,00", "50 Orang", "!-"],
            ]),
            RuleExample("sub kegiatan baru sesudah perubahan: tanpa target dan tanpa pagu sebelum perubahan", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Target Sebelum Perubahan", "Pagu Sebelum Perubahan",
                 "Target Sesudah Perubahan", "Pagu Sesudah Perubahan"],
                ["1.06.06.2.01", "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota", "100 Orang", "150.000.000,00", "150 Orang", "300.000.000,00"],
                ["1.06.06.2.01.01", "Penyediaan Makanan", "100 Orang", "150.000.000,00", "100 Orang", "150.000.000,00"],
                ["1.06.06.2.01.05", "Pelayanan Dukungan Psikososial", "-", "-", "50 Orang", "150.000.000,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Pairs each target column with the pagu column of the same period and checks every row that has pagu peers.
    public func check(table: PlanningTable, in context: RuleContext) {
        let derived = Set(table.derivations.map(\.target))
        let pagus = table.columns.filter { $0.descriptor.role == "pagu" && $0.descriptor.measure == "Rp" && !derived.contains($0.index) }
        // The rows by index, their pagu read from the table's columns: a row is read only where its pagu is missing.
        let values = ValueColumns.of(table, in: context)
        let rows = values.dataRows.filter { values.levels[$0] != .total && values.levels[$0] != .indicator }
        for pagu in pagus {
            // The first target of the period: a table repeating target columns for another measure pairs its budget once.
            guard let target = table.columns.first(where: { $0.descriptor.role == "target" && $0.descriptor.period == pagu.descriptor.period }),
                  let amounts = values[pagu.index] else { continue }
            // The levels some row of which has a pagu above zero, by `RowLevel.ordinal`: a set of them hashed every row's
            // level.
            var budgeted = [Bool](repeating: false, count: RowLevel.allCases.count)
            for index in rows where (amounts.number(index) ?? 0) > 0 { budgeted[values.levels[index].ordinal] = true }
            // A pagu left empty, a dash or zero, at a level that has pagu.
            for index in rows where budgeted[values.levels[index].ordinal]
                && (!amounts.isFilled(index) || amounts.numbers[index] == 0) {
                let row = table.rows[index]
                guard Self.given(row.values[target.index]) else { continue }
                let value = row.values[pagu.index]
                let state: (id: String, en: String) = value == nil || value!.value == .blank ? ("kosong", "is empty")
                    : value!.value == .dash ? ("hanya berisi \"-\"", "holds only \"-\"") : ("nol", "is zero")
                let name = row.label
                let shown = row.values[target.index]!.raw
                context.report(table, row: row, cell: table.cell(row, pagu.index), column: pagu.descriptor,
                               message: Message(
                                id: "\"\(name)\" bertarget \(shown) di \(table.columnLabel(target.index).id), tetapi pagunya di \(table.columnLabel(pagu.index).id) \(state.id)",
                                en: "\"\(name)\" has the target \(shown) in \(table.columnLabel(target.index).en) but its pagu in \(table.columnLabel(pagu.index).en) \(state.en)"),
                               related: [table.cell(row, target.index)])
            }
        }
    }

    // A target counts as given when it states something other than nothing: a zero target asks for no money.
    private static func given(_ value: TypedValue?) -> Bool {
        guard let value, !value.value.isEmpty else { return false }
        let numbers = value.value.numbers
        return numbers.isEmpty ? value.value.number.map { $0 != 0 } ?? true : numbers.contains { $0 != 0 }
    }
}
