import CermatPlanning

/// XT01: the same indicator with different targets for the same year in two documents (Renstra, Renja, Renja-P, PK,
/// IKU, LKjIP) or two tables of one document.
public struct TargetDivergenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "target-divergence", catalogue: ["XT01"],
        name: Message(id: "Target tidak selaras antar dokumen", en: "Targets diverge across documents"),
        severity: .warning,
        description: Message(
            id: "Indikator yang sama (dicocokkan menurut kode, atau menurut teks indikator yang dinormalkan) harus bertarget sama untuk tahun yang sama di Renstra, Renja, Renja Perubahan, PK, IKU dan LKjIP, dan di setiap tabel satu dokumen. Target daftar (\"60, 18, 90, 30\") dibandingkan satu per satu. Temuan ditaruh pada target yang berbeda dari Renstra (atau dari tabel pertama yang menyebutnya) dan menyebut dokumen mana mengatakan apa, termasuk apakah nilainya sebelum atau sesudah perubahan.",
            en: "The same indicator (matched by kode, or by its normalised text) must have the same target for the same year in the Renstra, Renja, Renja Perubahan, PK, IKU and LKjIP, and in every table of one document. Lists (\"60, 18, 90, 30\") are compared element by element. The finding is put on the target that differs from the Renstra (or from the first table stating it) and names which document says what, including whether a value is before or after perubahan."),
        rationale: Message(
            id: "Inspektorat menilai keselarasan target Renstra → Renja → PK → LKjIP: target Renja 2023 75% padahal Renstra 100% adalah temuan LHE AKIP. Target yang berbeda untuk tahun yang sama berarti salah satu dokumen tidak mengikuti yang lain.",
            en: "The inspectorate judges whether targets follow Renstra → Renja → PK → LKjIP: a Renja 2023 target of 75% where the Renstra says 100% is an LHE AKIP finding. Different targets for one year mean one document does not follow the other."),
        parameters: [.similarity],
        examples: [
            RuleExample("Renja 2023 menargetkan 75% padahal Renstra 100% untuk 2023", sheets: [
                RuleExample.Sheet("Renstra 2021-2026", [
                    ["Program", "Indikator Kinerja Program", "Satuan", "2022", "2023", "2024"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "%", "90", "100", "100"],
                ]),
                RuleExample.Sheet("Renja 2023", [
                    ["Program", "Indikator Kinerja Program", "Satuan", "Target"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "%", "!75"],
                ]),
            ]),
            RuleExample("target yang sama di Renstra dan PK (ejaan dan huruf besar berbeda)", sheets: [
                RuleExample.Sheet("Renstra 2021-2026", [
                    ["Program", "Indikator Kinerja Program", "Satuan", "2022", "2023", "2024"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "%", "90", "75", "80"],
                ]),
                RuleExample.Sheet("PK 2023", [
                    ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                    ["1", "Meningkatnya pemberdayaan PSKS", "PERSENTASE PSKS yang mendapatkan  pembinaan dan aktif.", "75%"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// Compares the targets of each indicator year by year.
    public func check(set members: [Linter.Member], in context: SetContext) {
        let index = context.index
        for subject in index.subjects.indices {
            let targets = SubjectIndex.distinct(index.items(of: subject).filter { $0.aspect == .indicator }
                .flatMap(\.statements).filter { $0.role == "target" && $0.year != nil && !$0.numbers.isEmpty })
            for (year, group) in Dictionary(grouping: targets, by: { $0.year! }).sorted(by: { $0.key < $1.key }) where group.count > 1 {
                // The Renstra itself is the reference; a Renstra target quoted in another document's table is not.
                let reference = group.first { $0.document == .renstra && $0.place.table.classification?.kind == .renstra }
                    ?? group.first { $0.document == .renstra } ?? group[0]
                var reported: [[Double]] = []
                // Rows of one table are compared by the table's own rules; here, tables with each other.
                for statement in group where !statement.sameTable(reference) && !statement.agrees(with: reference) {
                    // One finding per different value: the other places saying the same are its related cells.
                    guard !reported.contains(where: { $0 == statement.numbers }) else { continue }
                    reported.append(statement.numbers)
                    let same = group.filter { $0.place.cell != statement.place.cell && $0.agrees(with: statement) }
                    report(statement, against: reference, also: same, year: year, subject: subject, index, context)
                }
                // One row stating the targets of two documents ("Target Renstra | Target Renja 2023") that differ.
                for statement in group where statement.document != .renstra {
                    for other in group where other.sameRow(statement) && other.document != statement.document
                        && !other.agrees(with: statement) && other.place.cell != reference.place.cell {
                        report(statement, against: other, also: [], year: year, subject: subject, index, context)
                    }
                }
            }
        }
    }

    private func report(_ statement: SubjectIndex.Statement, against reference: SubjectIndex.Statement,
                        also same: [SubjectIndex.Statement], year: Int, subject: Int, _ index: SubjectIndex,
                        _ context: SetContext) {
        let also = same.isEmpty ? "" : "; \(same.count) tempat lain juga \(statement.shown(.id))"
        let alsoEn = same.isEmpty ? "" : "; \(same.count) other places also say \(statement.shown(.en))"
        let name = index.name(of: subject)
        context.report(at: statement.place, column: statement.column.descriptor,
                       message: Message(
                        id: "target \(year) \"\(name)\": \(statement.cited(.id)) berbeda dengan \(reference.cited(.id))\(also)",
                        en: "the \(year) target of \"\(name)\": \(statement.cited(.en)) differs from \(reference.cited(.en))\(alsoEn)"),
                       expected: reference.numbers.count == 1 ? reference.numbers[0] : nil,
                       actual: statement.numbers.count == 1 ? statement.numbers[0] : nil,
                       related: [reference.place] + same.map(\.place))
    }
}
