import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// CAT01: TERPENUHI / BELUM TERPENUHI, Tercapai / Tidak Tercapai, memenuhi / melebihi / belum memenuhi (or a √ under
/// such a heading) that the computed capaian contradicts.
public struct CategoryValueRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "category-value", catalogue: ["CAT01"],
        name: Message(id: "Kategori TERPENUHI/TERCAPAI sesuai nilai", en: "Category matches the value"),
        severity: .warning,
        description: Message(
            id: "Kategori (TERPENUHI / BELUM TERPENUHI, Tercapai / Tidak Tercapai, memenuhi / melebihi / belum memenuhi, atau tanda √ di kolom berjudul kategori) harus sesuai dengan capaian yang dihitung dari realisasi dan target di baris itu atau, bila tabelnya tidak memuat angka, di baris bernama sama pada tabel lain di workbook (mis. Tabel Faktor Pendukung dan Penghambat terhadap E-81). Ambang batas 100% (parameter threshold); untuk evaluasi tengah tahun (realisasi sampai Triwulan II) ambang dikalikan dengan triwulan yang sudah berjalan / 4 (parameter pro-rata: 1 aktif, 0 mati).",
            en: "A category (TERPENUHI / BELUM TERPENUHI, Tercapai / Tidak Tercapai, memenuhi / melebihi / belum memenuhi, or a √ under a category heading) must agree with the capaian computed from the realisation and target of its row or, when its table holds no figures, of the row of the same name in another table of the workbook (e.g. a faktor pendukung/penghambat table against the E-81). Threshold 100% (parameter threshold); for a mid-year evaluation (realisation up to Triwulan II) the threshold is multiplied by the quarters elapsed / 4 (parameter pro-rata: 1 on, 0 off)."),
        rationale: Message(
            id: "Kategori adalah kesimpulan evaluasi; TERPENUHI pada sub kegiatan yang baru mencapai 7,40% dari targetnya, atau BELUM TERPENUHI pada yang sudah 100%, membuat faktor penghambat dan rekomendasinya tidak dapat dipercaya.",
            en: "A category is the evaluation's conclusion; TERPENUHI on a sub-kegiatan at 7.40% of its target, or BELUM TERPENUHI on one at 100%, makes the stated obstacles and recommendations untrustworthy."),
        parameters: [
            RuleParameter("threshold", Message(id: "capaian (%) yang memenuhi target pada akhir tahun",
                                               en: "the capaian (%) that meets the target at the year's end")),
            RuleParameter("pro-rata", Message(id: "1: ambang evaluasi tengah tahun dikalikan triwulan yang berjalan / 4; 0: tidak",
                                              en: "1: a mid-year evaluation's threshold is multiplied by the quarters elapsed / 4; 0: not")),
        ],
        examples: [
            RuleExample("kategori bertentangan dengan capaian", [
                ["No", "Indikator Kinerja", "Target", "Realisasi", "% Capaian Kinerja", "Keterangan"],
                ["1", "Persentase PMKS yang memperoleh pelayanan rehabilitasi sosial", "90,00", "92,30", "102,56", "!Tidak Tercapai"],
                ["2", "Persentase PSKS yang dibina dan aktif", "100,00", "80,00", "80,00", "!Tercapai"],
                ["3", "Persentase fakir miskin yang mandiri", "10,00", "18,18", "181,80", "Tercapai"],
            ]),
            RuleExample("kategori di tabel tanpa angka, dinilai dari E-81 di sheet lain pada Triwulan II (ambang 50%)", [
                ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target Kinerja dan Anggaran Renja Tahun Berjalan (2024)", "<", "Realisasi Kinerja Pada Triwulan", "<", "<", "<", "<", "<", "<", "<", "Realisasi Capaian Kinerja dan Anggaran Renja yang dievaluasi (2024)", "<"],
                ["^", "^", "^", "^", "K", "Rp", "I", "<", "II", "<", "III", "<", "IV", "<", "K", "Rp"],
                ["^", "^", "^", "^", "^", "^", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "^", "^"],
                ["1", "1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "- Persentase Pemenuhan Administrasi", "- 100", "1.000.000,00", "", "0,00", "- 40", "400.000,00", "", "0,00", "", "0,00", "- 40", "400.000,00"],
                ["2", "1.06.01.2.06", "Administrasi Umum Perangkat Daerah", "- Persentase Pemenuhan Administrasi Umum", "- 100", "1.000.000,00", "", "0,00", "- 40", "400.000,00", "", "0,00", "", "0,00", "- 40", "400.000,00"],
                ["3", "1.06.01.2.06.09", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "- Jumlah Laporan Rapat Koordinasi", "- 48", "700.000,00", "", "0,00", "- 18", "258.000,00", "", "0,00", "", "0,00", "- 18", "258.000,00"],
                ["4", "1.06.01.2.06.10", "Penatausahaan Arsip Dinamis pada SKPD", "- Jumlah Dokumen Arsip", "- 12", "300.000,00", "", "0,00", "- 12", "142.000,00", "", "0,00", "", "0,00", "- 12", "142.000,00"],
                ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
                ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
                ["No", "Program/Kegiatan/Sub Kegiatan", "Faktor Pendukung", "Faktor Penghambat", "Kategori"],
                ["1", "Program Penunjang Urusan Pemerintahan Daerah", "", "", ""],
                ["", "Administrasi Umum Perangkat Daerah", "", "", ""],
                ["", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "Rapat terlaksana", "", "!TERPENUHI"],
                ["", "Penatausahaan Arsip Dinamis pada SKPD", "", "Anggaran belum cair", "!BELUM TERPENUHI"],
            ]),
            RuleExample("√ di kolom Tidak Tercapai padahal capaian di atas 100%", [
                ["No", "Sasaran", "Capaian (%)", "Tercapai", "Tidak Tercapai"],
                ["1", "Meningkatnya pemenuhan kebutuhan dasar PPKS", "100,22", "", "!√"],
                ["2", "Meningkatnya tata kelola birokrasi", "95,00", "", "√"],
            ]),
            RuleExample("kategori sesuai capaian", [
                ["No", "Indikator Kinerja", "Target", "Realisasi", "% Capaian Kinerja", "Keterangan"],
                ["1", "Persentase penurunan PMKS", "1,00", "-7,31", "-731,00", "Tidak Tercapai"],
                ["2", "Persentase PMKS yang memperoleh pelayanan rehabilitasi sosial", "90,00", "92,30", "102,56", "Tercapai"],
                ["3", "Persentase PSKS yang dibina dan aktif", "100,00", "100,00", "100,00", "Tercapai"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Checks every category of the table against its row's capaian, or its namesake's in another table.
    public func check(table: PlanningTable, in context: RuleContext) {
        let scales = context.knowledge.scales.filter { $0.kind == .category }
        let columns = table.columns(role: "kategori") + table.columns.filter { ["keterangan", "text"].contains($0.descriptor.role) }
        guard !columns.isEmpty, !scales.isEmpty else { return }
        // The other tables that can give a row its capaian, indexed by name when a category first needs them.
        var indexed: [Namesakes]?
        let others = {
            if let indexed { return indexed }
            let built = context.document.tables.filter { ($0.sheet != table.sheet || $0.range != table.range) && RowCapaian.available(in: $0) }
                .map(Namesakes.init)
            indexed = built
            return built
        }
        for row in table.dataRows() {
            for column in columns {
                guard let (label, scale, category) = Self.category(row, column, table, scales, context) else { continue }
                guard let (capaian, source) = capaian(row, table, others, context) else { continue }
                let quarter = context.settings.parameter("pro-rata") != 0 ? RowCapaian.triwulanReached(source, period: capaian.period) : nil
                let threshold = context.settings.parameter("threshold") * Double(quarter ?? 4) / 4
                guard !category.interval(threshold: threshold).contains(capaian.value) else { continue }
                report(row, column, label: label, capaian: capaian, source: source, threshold: threshold, quarter: quarter,
                       scale: scale, table, context)
            }
        }
    }

    // The row's category in a column: its label, or the heading of the column where a √ stands.
    static func category(_ row: PlanningRow, _ column: PlanningColumn, _ table: PlanningTable, _ scales: [Scale],
                         _ context: RuleContext) -> (String, Scale, Scale.Class)? {
        var text = context.text(table, row: row.sheetRow, column: column.index)
        if ["√", "✓", "✔", "☑", "v", "V"].contains(text), let heading = column.header.last { text = heading }
        guard !text.isEmpty else { return nil }
        for scale in scales {
            if let found = scale.class(labelled: text) { return (text, scale, found) }
        }
        return nil
    }

    // The capaian of the row itself, else of the row of the same name (under a parent of the same name) in another
    // table of the workbook that has one.
    private func capaian(_ row: PlanningRow, _ table: PlanningTable, _ others: () -> [Namesakes],
                         _ context: RuleContext) -> (RowCapaian, PlanningTable)? {
        if let own = RowCapaian.of(row, in: table, context, prefer: .computed) { return (own, table) }
        guard let name = row.name else { return nil }
        let parent = row.parent.flatMap { table.rows.indices.contains($0) ? table.rows[$0].name : nil }
        for other in others() {
            guard let match = other.row(named: name, parent: parent, level: row.level),
                  let found = RowCapaian.of(match, in: other.table, context, prefer: .computed) else { continue }
            return (found, other.table)
        }
        return nil
    }

    /// The rows of a table by name, to find a category's row in another table of the workbook.
    struct Namesakes {
        let table: PlanningTable
        private let rows: [PlanningRow]
        private let byKey: [String: [PlanningRow]]
        private let matcher = NameMatcher(threshold: 0.85)

        /// The named rows of a table.
        init(_ table: PlanningTable) {
            self.table = table
            rows = table.dataRows().filter { $0.name != nil }
            byKey = Dictionary(grouping: rows) { [matcher] in matcher.key($0.name!) }
        }

        /// The one row with this name (and, when several share it, whose parent has the parent's name); a table read
        /// without hierarchy (`other`) matches any level.
        func row(named name: String, parent: String?, level: RowLevel) -> PlanningRow? {
            func fits(_ row: PlanningRow) -> Bool { row.level == level || level == .other || row.level == .other }
            // The same name spelled alike is the common case; only without one is every row measured.
            let exact = (byKey[matcher.key(name)] ?? []).filter(fits)
            let scored = exact.isEmpty ? rows.filter(fits).map { ($0, matcher.similarity(name, $0.name!)) }.filter { $0.1 >= matcher.threshold }
                                       : exact.map { ($0, 1.0) }
            guard let best = scored.map(\.1).max() else { return nil }
            var tied = scored.filter { $0.1 == best }.map(\.0)
            if tied.count > 1, let parent {
                tied = tied.filter { row in
                    row.parent.flatMap { table.rows.indices.contains($0) ? table.rows[$0].name : nil }
                        .map { matcher.similarity(parent, $0) >= matcher.threshold } ?? false
                }
            }
            // Two rows of the same name and kode (a kegiatan printed twice) are one.
            return Set(tied.map { $0.kode ?? $0.name! }).count == 1 ? tied.first : nil
        }
    }

    private func report(_ row: PlanningRow, _ column: PlanningColumn, label: String, capaian: RowCapaian, source: PlanningTable,
                        threshold: Double, quarter: Int?, scale: Scale, _ table: PlanningTable, _ context: RuleContext) {
        let shown = Numeral.both(capaian.value, decimals: 2, percent: true)
        let limit = Numeral.both(threshold, decimals: nil, percent: true)
        let expected = scale.classes(containing: capaian.value, threshold: threshold).map { "\"\($0.label)\"" }
        let elsewhere = source.sheet != table.sheet || source.range != table.range
        let origin: (id: String, en: String) = elsewhere
            ? ("\(capaian.source.id) pada sheet '\(source.sheet)'", "\(capaian.source.en) on sheet '\(source.sheet)'")
            : capaian.source
        let basis: (id: String, en: String) = quarter.map {
            ("ambang \(limit.id) untuk realisasi sampai Triwulan \($0)", "the threshold \(limit.en) for a realisation up to Triwulan \($0)")
        } ?? ("ambang \(limit.id)", "the threshold \(limit.en)")
        let related = elsewhere ? [] : capaian.cells
        let subject = row.name ?? row.indicator
        let name: (id: String, en: String) = subject.map { (" untuk \"\($0)\"", " of \"\($0)\"") } ?? ("", "")
        var finding = Finding(rule: context.rule, severity: context.settings.severity, file: context.workbook.source, sheet: table.sheet,
                              sheetIndex: table.sheetIndex, cell: table.cell(row, column.index),
                              message: Message(
                                id: "kategori \"\(label)\"\(name.id) tidak sesuai capaian \(shown.id) (\(origin.id)): dengan \(basis.id), kategorinya \(expected.joined(separator: " atau "))",
                                en: "the category \"\(label)\"\(name.en) does not match the capaian \(shown.en) (\(origin.en)): with \(basis.en), it is \(expected.joined(separator: " or "))"),
                              actual: capaian.value, key: Finding.Key(kode: row.kode, indicator: row.indicator ?? row.name),
                              column: column.descriptor,
                              related: related.map { Finding.Location(file: context.workbook.source, sheet: table.sheet, cell: $0) })
        if elsewhere {
            finding.related = capaian.cells.map { Finding.Location(file: context.workbook.source, sheet: source.sheet, cell: $0) }
        }
        context.report(finding)
    }
}
