import CermatPlanning

/// NUM02: money that cannot be negative printed negative, a change printed with the wrong sign or none, and a dash
/// before an amount that reads as a bullet where a minus may have been meant.
public struct SignConventionRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "sign-convention", catalogue: ["NUM02"],
        name: Message(id: "Tanda negatif", en: "Sign convention"),
        severity: .error,
        description: Message(
            id: "Pagu, anggaran dan realisasi anggaran tidak pernah negatif. Kolom bertambah/berkurang menulis pengurangan dengan tanda negatif, dalam kurung (35.000.000) atau dengan minus: pengurangan yang tercetak tanpa tanda (atau penambahan yang tercetak negatif) dilaporkan. Tanda \"- \" dengan spasi di depan nilai kinerja adalah butir, bukan minus; di depan jumlah rupiah tanda itu meragukan dan dilaporkan.",
            en: "Budgets, allocations and spending are never negative. The change column (bertambah/berkurang) writes a decrease with its sign, in parentheses (35.000.000) or with a minus: a decrease printed without a sign (or an increase printed negative) is reported. A \"- \" with a space before a performance value is a bullet, not a minus; before a rupiah amount it is ambiguous and is reported."),
        rationale: Message(
            id: "Tanda yang hilang membalik arti perubahan anggaran dan membuat jumlah perubahan per kegiatan dan total tidak cocok (Renja-P Kab. Blitar 2024: empat pengurangan tercetak tanpa tanda).",
            en: "A lost sign reverses the meaning of a budget change and breaks the sums of changes per kegiatan and in total (Kab. Blitar's Renja-P 2024: four decreases printed without a sign)."),
        examples: [
            RuleExample("pengurangan tanpa tanda dan pagu negatif (Tabel 5 Renja-P Kab. Blitar 2024)", [
                ["NO. URUT", "PROGRAM/KEGIATAN/ SUB KEGIATAN", "ANGGARAN SEBELUM PERUBAHAN", "ANGGARAN SETELAH PERUBAHAN", "BERTAMBAH / BERKURANG"],
                ["12", "Penyediaan Jasa Surat Menyurat", "5.722.000", "4.000.000", "!1.722.000"],
                ["13", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "69.914.000", "!(69.914.000)", "(139.828.000)"],
                ["14", "Penyediaan Jasa Pelayanan Umum Kantor", "411.640.000", "436.364.160", "!- 24.724.160"],
            ]),
            RuleExample("tanda sesuai; butir di depan nilai kinerja bukan minus", [
                ["NO. URUT", "PROGRAM/KEGIATAN/ SUB KEGIATAN", "TARGET KINERJA SEBELUM PERUBAHAN", "ANGGARAN SEBELUM PERUBAHAN", "ANGGARAN SETELAH PERUBAHAN", "BERTAMBAH / BERKURANG"],
                ["12", "Penyediaan Jasa Surat Menyurat", "- 550", "5.722.000", "4.000.000", "(1.722.000)"],
                ["14", "Penyediaan Jasa Pelayanan Umum Kantor", "- 15", "411.640.000", "436.364.160", "24.724.160"],
                ["15", "Penyediaan Jasa Pemeliharaan Kendaraan", "- 26", "178.395.000", "178.395.000", "0"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks money columns for negatives and bullets, and change columns for their sign.
    public func check(table: PlanningTable, in context: RuleContext) {
        // Every row's cells read from the table's columns (`ValueColumns`); a row is read only where they need it.
        let values = ValueColumns.of(table, in: context)
        let rows = values.dataRows
        for column in table.columns where column.descriptor.measure == "Rp" {
            guard let cells = values[column.index] else { continue }
            let label = table.columnLabel(column.index)
            for index in rows where cells.written[index].contains(.bullet) || cells.numbers[index] < 0 {
                let row = table.rows[index]
                guard let printed = row.values[column.index], let value = printed.value.number else { continue }
                if printed.hadBullet {
                    let shown = printed.shown(value)
                    context.report(table, row: row, cell: printed.cell, column: column.descriptor,
                                   message: Message(id: "\(label.id) tercetak \"\(printed.raw)\": tanda \"- \" dengan spasi terbaca sebagai butir, jadi nilainya \(shown.id); bila maksudnya negatif, tulis (\(shown.id)) atau -\(shown.id) tanpa spasi, bila positif hapus tandanya",
                                                    en: "\(label.en) is printed \"\(printed.raw)\": a \"- \" with a space reads as a bullet, so the value is \(shown.en); if a negative is meant write (\(shown.en)) or -\(shown.en) without a space, if positive drop the dash"),
                                   actual: value)
                } else if value < 0, ["pagu", "realisasi-anggaran"].contains(column.descriptor.role) {
                    let shown = printed.shown(-value)
                    let what = column.descriptor.role == "pagu" ? ("pagu/anggaran", "a budget") : ("realisasi anggaran", "spending")
                    context.report(table, row: row, cell: printed.cell, column: column.descriptor,
                                   message: Message(id: "\(label.id) tercetak negatif (\(shown.id)); \(what.0) tidak mungkin negatif",
                                                    en: "\(label.en) is printed negative (\(shown.en)); \(what.1) cannot be negative"),
                                   actual: value)
                }
            }
        }
        for derivation in table.derivations where Self.isChange(derivation, table) {
            guard let target = values[derivation.target] else { continue }
            let hundred = derivation.scalesByHundred(in: table)
            for index in rows {
                guard let actual = target.number(index), let expected = values.value(of: derivation, hundred: hundred, row: index),
                      Self.isSignFlip({ target.compare(index, actual, expected: $0, context.tolerance) }, expected: expected)
                else { continue }
                report(table.rows[index], derivation, table, context)
            }
        }
    }

    private func report(_ row: PlanningRow, _ derivation: Derivation, _ table: PlanningTable, _ context: RuleContext) {
        let columns = derivation.expression.columns
        guard let printed = row.values[derivation.target], let actual = printed.value.number,
              let expected = derivation.value(in: row, of: table),
              let after = row.number(columns[0]), let before = row.number(columns[1]) else { return }
        let shown = printed.shown(abs(actual)), from = printed.shown(before), to = printed.shown(after)
        let label = table.columnLabel(derivation.target)
        let message = expected < 0
            ? Message(id: "anggaran turun dari \(from.id) menjadi \(to.id), tetapi \(label.id) tercetak \(shown.id) tanpa tanda negatif; seharusnya (\(shown.id))",
                      en: "the budget falls from \(from.en) to \(to.en), but \(label.en) is printed \(shown.en) without a negative sign; it should read (\(shown.en))")
            : Message(id: "anggaran naik dari \(from.id) menjadi \(to.id), tetapi \(label.id) tercetak negatif (\(shown.id)); seharusnya \(shown.id)",
                      en: "the budget rises from \(from.en) to \(to.en), but \(label.en) is printed negative (\(shown.en)); it should read \(shown.en)")
        context.report(table, row: row, cell: printed.cell, column: table.column(at: derivation.target)?.descriptor, message: message,
                       expected: expected, actual: actual, related: columns.map { table.cell(row, $0) })
    }

    // A change column: after − before perubahan, as the form or the column-number row states it.
    static func isChange(_ derivation: Derivation, _ table: PlanningTable) -> Bool {
        guard table.column(at: derivation.target)?.descriptor.role == "selisih",
              case .difference(.column, .column) = derivation.expression else { return false }
        return true
    }

    /// Whether a change cell holds its expected value with the opposite sign: the sign, not the amount, is wrong.
    static func isSignFlip(_ row: PlanningRow, _ derivation: Derivation, _ table: PlanningTable, _ tolerance: Tolerance) -> Bool {
        guard isChange(derivation, table), let printed = row.values[derivation.target], let actual = printed.value.number,
              let expected = derivation.value(in: row, of: table) else { return false }
        return isSignFlip({ tolerance.compare(printed, actual, expected: $0) }, expected: expected)
    }

    // Whether a printed change (`compare`d with a value) equals the negated difference but not the difference itself.
    private static func isSignFlip(_ compare: (Double) -> Tolerance.Outcome, expected: Double) -> Bool {
        expected != 0 && compare(-expected) == .equal && compare(expected) != .equal
    }
}
