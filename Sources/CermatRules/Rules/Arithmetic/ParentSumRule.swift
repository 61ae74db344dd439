import CermatPlanning

/// SUM01: a program's money equals the sum of its kegiatan's, a kegiatan's the sum of its sub-kegiatan's.
public struct ParentSumRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "parent-sum", catalogue: ["SUM01"],
        name: Message(id: "Pagu induk = jumlah pagu turunan", en: "Parent money = sum of the children's"),
        severity: .error,
        description: Message(
            id: "Untuk setiap kolom rupiah (pagu, anggaran sebelum/sesudah, realisasi per triwulan, sisa, perkiraan maju), nilai program sama dengan jumlah kegiatannya dan nilai kegiatan sama dengan jumlah sub kegiatannya. Hierarki diambil dari kode, atau dari penomoran dan huruf tebal/miring bila tanpa kode.",
            en: "For every rupiah column (pagu, budget before/after, realisation per quarter, sisa, forward year), a program equals the sum of its kegiatan and a kegiatan the sum of its sub-kegiatan. The hierarchy comes from the kode, or from numbering and bold/italic without one."),
        rationale: Message(
            id: "Anggaran induk yang tidak sama dengan rinciannya berarti ada angka yang salah ketik, baris yang tertinggal, atau baris yang terhitung dua kali.",
            en: "A parent budget that differs from its details means a mistyped figure, a missing row or a row counted twice."),
        examples: [
            RuleExample("kegiatan tidak sama dengan jumlah sub kegiatannya", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Indikatif"],
                ["1.06.02", "Program Pemberdayaan Sosial", "300.000.000"],
                ["1.06.02.2.03", "Pengembangan Potensi Sumber Kesejahteraan Sosial", "!300.000.000"],
                ["1.06.02.2.03.01", "Peningkatan Kemampuan PSM", "100.000.000"],
                ["1.06.02.2.03.02", "Peningkatan Kemampuan TKSK", "150.000.000"],
            ]),
            RuleExample("semua sesuai", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Indikatif"],
                ["1.06.02", "Program Pemberdayaan Sosial", "250.000.000"],
                ["1.06.02.2.03", "Pengembangan Potensi Sumber Kesejahteraan Sosial", "250.000.000"],
                ["1.06.02.2.03.01", "Peningkatan Kemampuan PSM", "100.000.000"],
                ["1.06.02.2.03.02", "Peningkatan Kemampuan TKSK", "150.000.000"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's parent rows' children, as other rules do.
    public static var readings: [any TableReading.Type] { [MoneySum.Families.self, ValueColumns.self] }

    /// Checks every parent row with children in every money column.
    public func check(table: PlanningTable, in context: RuleContext) {
        // A column that only repeats another (E-81's "Rp=14") is checked by its derivation, not summed again.
        let copies = Set(table.derivations.compactMap { derivation -> Int? in
            if case .column = derivation.expression { return derivation.target }
            return nil
        })
        let money = table.columns.filter { $0.descriptor.measure == "Rp" && !copies.contains($0.index) }.map(\.index)
        guard !money.isEmpty else { return }
        let values = ValueColumns.of(table, in: context)
        for (index, children) in MoneySum.families(in: table, context).sorted(by: { $0.key < $1.key }) {
            let level = values.levels[index]
            for column in money {
                MoneySum.compare(index, children, column: column, values, in: table, context) { total, shown in
                    Message(id: "jumlah \(table.columnLabel(column).id) dari \(children.count) \(level == .program ? "kegiatan" : "sub kegiatan") di bawahnya \(shown.total.id), tercetak \(shown.actual.id)",
                            en: "the \(children.count) \(level == .program ? "kegiatan" : "sub-kegiatan") below sum to \(shown.total.en) in \(table.columnLabel(column).en), printed \(shown.actual.en)")
                }
            }
        }
    }
}
