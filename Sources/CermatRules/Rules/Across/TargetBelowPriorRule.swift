import CermatPlanning

/// XT03: a target for year N below what was already realised in year N−1 (above it, for a lower-is-better indicator).
public struct TargetBelowPriorRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "target-below-prior", catalogue: ["XT03"],
        name: Message(id: "Target lebih rendah dari realisasi tahun lalu", en: "Target below last year's realisation"),
        severity: .warning,
        description: Message(
            id: "Target tahun N sebuah indikator (di Renstra, Renja, PK atau LKjIP) tidak boleh lebih rendah dari realisasi tahun N−1 indikator yang sama di tabel mana pun dari set dokumen — atau lebih tinggi, untuk indikator yang semakin kecil semakin baik (polaritas). Realisasi dan target boleh berada di baris yang sama (\"Target PK 2023 | Pencapaian 2022\") atau di dokumen lain.",
            en: "An indicator's target for year N (in the Renstra, Renja, PK or LKjIP) must not be below its realisation for year N−1 in any table of the document set — or above it, for an indicator that is better when lower (polarity). The realisation and the target may be on one row (\"Target PK 2023 | Pencapaian 2022\") or in another document."),
        rationale: Message(
            id: "LHE AKIP: \"penetapan target kinerja pada PK belum berdasarkan perhitungan yang logis, karena menetapkan target lebih rendah dibandingkan pencapaian realisasi kinerja pada tahun 2022\" (75% terhadap 80%, 55% terhadap 60%). Target di bawah capaian tahun lalu menjamin capaian di atas 100% tanpa kemajuan.",
            en: "LHE AKIP: \"the PK targets were not set logically, as they are below the realisation of 2022\" (75% against 80%, 55% against 60%). A target below last year's result guarantees a capaian above 100% without progress."),
        parameters: [.similarity],
        examples: [
            RuleExample("target PK 2023 75% di bawah pencapaian 2022 80%", [
                ["No", "Sasaran", "Indikator Kinerja", "Target PK 2023", "Pencapaian 2022 (LKJIP)"],
                ["1", "Meningkatnya pemenuhan kebutuhan dasar PPKS", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "!75%", "80%"],
            ]),
            RuleExample("indikator semakin kecil semakin baik: target 2024 di atas realisasi 2023 di dokumen lain", sheets: [
                RuleExample.Sheet("LKjIP 2023", [
                    ["Sasaran", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                    ["Menurunnya kemiskinan", "Angka kemiskinan", "11,5%", "11,2%", "102,68%"],
                ]),
                RuleExample.Sheet("PK 2024", [
                    ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                    ["1", "Menurunnya kemiskinan", "Angka kemiskinan", "!11,4%"],
                ]),
            ]),
            RuleExample("target 2023 82% di atas realisasi 2022 80%", [
                ["No", "Sasaran", "Indikator Kinerja", "Target PK 2023", "Pencapaian 2022 (LKJIP)"],
                ["1", "Meningkatnya pemenuhan kebutuhan dasar PPKS", "Persentase PPKS yang memperoleh bantuan sosial", "82%", "80%"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the indicators, in a set stating a target for the year after a realisation.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.statesFollowingYears("realisasi", then: "target") ? .indicators : .none
    }

    /// Compares each target with the realisations of the year before.
    public func check(set members: [Linter.Member], in context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        for subject in index.subjects.indices {
            // Only a target for the year after a realisation is compared: the years are read in place first, and the
            // rest (the statements listed, places read twice set aside, the indicator's polarity) worked out only then.
            var realisedYears: Set<Int> = [], targetYears: Set<Int> = []
            index.forEachIndicatorStatement(of: subject) { statement in
                // The role and year first: the count of numbers reads the value.
                let role = statement.role
                guard role == "realisasi" || role == "target", let year = statement.year, statement.numberCount == 1 else { return }
                if role == "realisasi" { realisedYears.insert(year) } else { targetYears.insert(year) }
            }
            guard targetYears.contains(where: { realisedYears.contains($0 - 1) }) else { continue }
            // Targets and realisations only: nothing else is compared.
            let stated = index.indicatorStatements(of: subject) { $0.role == "target" || $0.role == "realisasi" }
            let statements = SubjectIndex.distinct(stated)
            let realised = statements.filter { $0.role == "realisasi" && $0.year != nil && $0.numberCount == 1 }
            // The indicator's own text decides, not the row's: a Renstra row holds a tujuan and a sasaran indicator.
            let lower = context.knowledge.vocabulary.polarity(ofIndicator: TextKey.header(index.name(of: subject))) == .lowerIsBetter
            // The realisation each target must reach: the worst of its year's.
            let worst = Dictionary(grouping: realised) { $0.year! }.mapValues { before in
                lower ? before.min { $0.single! < $1.single! }! : before.max { $0.single! < $1.single! }!
            }
            for target in statements where target.role == "target" && target.numberCount == 1 {
                guard let year = target.year else { continue }
                let value = target.single!
                guard let prior = worst[year - 1] else { continue }
                let done = prior.single!
                guard lower ? value > done + 1e-9 : value < done - 1e-9 else { continue }
                let name = index.name(of: subject)
                context.report(at: target.place, column: target.column.descriptor,
                               message: lower
                                ? Message(id: "target \(year) \"\(name)\" \(target.cited(.id)) lebih tinggi dari realisasi \(year - 1) \(prior.cited(.id)), padahal indikator ini semakin kecil semakin baik",
                                          en: "the \(year) target of \"\(name)\" \(target.cited(.en)) is above the \(year - 1) realisation \(prior.cited(.en)), though the indicator is better when lower")
                                : Message(id: "target \(year) \"\(name)\" \(target.cited(.id)) lebih rendah dari realisasi \(year - 1) \(prior.cited(.id)): target seharusnya paling sedikit yang sudah dicapai",
                                          en: "the \(year) target of \"\(name)\" \(target.cited(.en)) is below the \(year - 1) realisation \(prior.cited(.en)): a target should be at least what was already achieved"),
                               expected: done, actual: value, related: [prior.place])
            }
        }
    }
}
