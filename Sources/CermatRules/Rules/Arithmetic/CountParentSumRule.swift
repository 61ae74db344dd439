import CermatPlanning

/// SUM06: a kegiatan (or program) that counts in a unit must count what its sub-kegiatan (or kegiatan) in that unit count.
public struct CountParentSumRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "count-parent-sum", catalogue: ["SUM06"],
        name: Message(id: "Target/realisasi induk = jumlah turunan (satuan sama)", en: "Parent count = sum of the children's (same unit)"),
        severity: .warning,
        description: Message(
            id: "Bila indikator program atau kegiatan berupa jumlah dalam satu satuan (Orang, Dokumen, Paket…), target dan realisasinya sama dengan jumlah target dan realisasi turunannya yang bersatuan sama. Induk yang sama dengan jumlah semua turunannya (satuan berbeda sekalipun) dianggap sesuai; indikator persentase, indeks dan nilai tidak dijumlahkan.",
            en: "When a program's or kegiatan's indicator is a count in one unit (Orang, Dokumen, Paket…), its target and realisation equal the sum of its children's in the same unit. A parent equal to the sum of all its children (different units included) passes; percentage, index and score indicators are not summed."),
        rationale: Message(
            id: "Kegiatan menghitung penerima manfaat atau keluaran yang dihasilkan sub kegiatannya; angka induk yang berbeda berarti ada sub kegiatan yang tertinggal atau target induk yang tidak diperbarui setelah perubahan (APBD-P Kutai Kartanegara 2024: kegiatan 3 Dokumen, sub kegiatannya 2 Dokumen).",
            en: "A kegiatan counts the beneficiaries or outputs its sub-kegiatan produce; a different parent figure means a sub-kegiatan left out, or a parent target not updated after the change (Kutai Kartanegara APBD-P 2024: a kegiatan of 3 Dokumen over sub-kegiatan of 2 Dokumen)."),
        examples: [
            RuleExample("kegiatan tidak sama dengan jumlah sub kegiatan bersatuan sama", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target Kinerja"],
                ["1.06.02.2.03", "Pengembangan Potensi Sumber Kesejahteraan Sosial", "Jumlah PSKS yang dikembangkan", "!70 Orang"],
                ["1.06.02.2.03.01", "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat", "Jumlah Orang Mendapat Peningkatan Kapasitas", "60 Orang"],
                ["1.06.02.2.03.02", "Peningkatan Kemampuan Potensi TKSK", "Jumlah TKSK yang Meningkatkan Kapasitasnya", "20 Orang"],
                ["1.06.02.2.03.04", "Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Kelembagaan", "Jumlah Lembaga Kesejahteraan Sosial", "237 Lembaga"],
            ]),
            RuleExample("sesuai; satuan berbeda dijumlahkan semua; persentase tidak dijumlahkan", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target Kinerja"],
                ["1.06.01.2.01", "Perencanaan, Penganggaran dan Evaluasi Kinerja", "Jumlah Dokumen Perencanaan dan Laporan Evaluasi", "88 Dokumen"],
                ["1.06.01.2.01.01", "Penyusunan Dokumen Perencanaan", "Jumlah Dokumen Perencanaan", "10 Dokumen"],
                ["1.06.01.2.01.06", "Penyusunan Laporan Capaian Kinerja", "Jumlah Laporan Capaian Kinerja", "54 Laporan"],
                ["1.06.01.2.01.07", "Evaluasi Kinerja Perangkat Daerah", "Jumlah Laporan Evaluasi Kinerja", "24 Laporan"],
                ["1.06.01.2.07", "Pengadaan Barang Milik Daerah", "Persentase Pengadaan Barang Milik Daerah", "100%"],
                ["1.06.01.2.07.02", "Pengadaan Kendaraan Dinas Operasional", "Jumlah Unit Kendaraan Dinas", "2 Unit"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's parent rows' children, as other rules do.
    public static var readings: [any TableReading.Type] { [MoneySum.Families.self, ValueColumns.self, SatuanTexts.self] }

    /// Checks every count target and realisation of every parent row.
    public func check(table: PlanningTable, in context: RuleContext) {
        let units = IndicatorUnits(context, table: table)
        let columns = table.columns.filter { ["target", "realisasi"].contains($0.descriptor.role) && $0.descriptor.measure == "K" }
        // A parent's target printed over several lines ("50 Orang / 18 Orang / 68 Lembaga") continues on the indicator
        // rows below it: in its unit, the parent counts all of them. An indicator row that only repeats the parent's
        // figures (LKjIP tables print a name row and an indicator row with the same numbers) adds nothing.
        var continued: [Int: [PlanningRow]] = [:]
        // Levels read from the value columns, and a parent's children taken out of the table only for a count parent:
        // most rows are neither.
        let levels = ValueColumns.of(table, in: context).levels
        for row in levels.indices.lazy.filter({ levels[$0] == .indicator }).map({ table.rows[$0] }) {
            guard let parent = row.parent else { continue }
            let repeats = columns.allSatisfy { row.number($0.index) == table.rows[parent].number($0.index) }
            if !repeats { continued[parent, default: []].append(row) }
        }
        for (index, family) in MoneySum.families(in: table, context).sorted(by: { $0.key < $1.key }) {
            let parent = table.rows[index]
            guard !parent.isLevelIndicator else { continue }
            lazy var children = family.map { table.rows[$0] }
            for column in columns {
                guard let printed = parent.values[column.index], let own = printed.value.number,
                      let unit = units.unit(parent, column: column.index), unit.isCount,
                      children.allSatisfy({ $0.number(column.index) != nil }) else { continue }
                let total = own + (continued[index] ?? []).filter { units.unit($0, column: column.index)?.name == unit.name }
                    .reduce(0) { $0 + ($1.number(column.index) ?? 0) }
                let same = children.filter { units.unit($0, column: column.index)?.name == unit.name && !$0.isLevelIndicator }
                guard !same.isEmpty else { continue }
                let sameSum = same.reduce(0) { $0 + ($1.number(column.index) ?? 0) }
                let allSum = children.reduce(0) { $0 + ($1.number(column.index) ?? 0) }
                guard abs(total - sameSum) > 1e-9, abs(total - allSum) > 1e-9 else { continue }
                let shownTotal = printed.shown(total), shownSum = printed.shown(sameSum)
                let values = same.compactMap { child in child.values[column.index].map { $0.shown(child.number(column.index) ?? 0) } }
                // "(60 + 20)" only when there is more than one to add.
                let parts = values.count > 1 ? (" (" + values.map(\.id).joined(separator: " + ") + ")", " (" + values.map(\.en).joined(separator: " + ") + ")") : ("", "")
                let level = parent.level == .program ? ("kegiatan", "kegiatan") : ("sub kegiatan", "sub-kegiatan")
                context.report(table, row: parent, cell: table.cell(parent, column.index), column: column.descriptor,
                               message: Message(
                                id: "\(table.columnLabel(column.index).id) induk \(shownTotal.id) \(unit.name), sedangkan \(same.count) \(level.0) bersatuan \(unit.name) di bawahnya berjumlah \(shownSum.id)\(parts.0)",
                                en: "\(table.columnLabel(column.index).en) of the parent is \(shownTotal.en) \(unit.name), while its \(same.count) \(level.1) in \(unit.name) add up to \(shownSum.en)\(parts.1)"),
                               expected: sameSum, actual: total, related: same.map { table.cell($0, column.index) })
            }
        }
    }
}
