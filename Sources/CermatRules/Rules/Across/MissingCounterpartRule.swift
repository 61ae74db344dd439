import CermatPlanning

/// XT04: a sasaran, indicator or program of the PK, IKU, Renja or LKjIP that the Renstra does not have, and a Renstra
/// program or sasaran the PK does not have; a text that resembles two subjects equally is reported as ambiguous.
public struct MissingCounterpartRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "missing-counterpart", catalogue: ["XT04"],
        name: Message(id: "Indikator/program tidak ada di dokumen lain", en: "Indicator or program missing from another document"),
        severity: .warning,
        description: Message(
            id: "Setiap sasaran, indikator dan program di PK, IKU, Renja dan LKjIP harus ada di Renstra (bila set dokumen memuat Renstra yang menyebut sasaran, indikator atau program; program penunjang rutin hanya bila Renstra menyebut program penunjang), dan setiap program dan sasaran Renstra harus ada di PK (bila set memuat PK). Satu temuan per hal, di tempat pertama yang menyebutnya, dengan tempat lainnya sebagai sel terkait. Teks yang sama miripnya dengan dua hal di Renstra dilaporkan sebagai tidak pasti, tidak ditebak.",
            en: "Every sasaran, indicator and program of the PK, IKU, Renja and LKjIP must be in the Renstra (when the document set has a Renstra that states sasaran, indicators or programs; a routine support program only when the Renstra lists support programs), and every Renstra program and sasaran must be in the PK (when the set has one). One finding per subject, at the first place stating it, its other places as related cells. A text that resembles two Renstra subjects equally is reported as uncertain, never guessed."),
        rationale: Message(
            id: "LHE AKIP: \"Program pengelolaan taman makam pahlawan … pada PK tidak tercantum dalam dokumen perencanaan Rencana Strategis\"; sasaran tata kelola dan inovasi di IKU dan PK tidak ada di Renstra. Yang diperjanjikan harus dapat ditelusuri ke rencana lima tahunnya.",
            en: "LHE AKIP: \"the Taman Makam Pahlawan program in the PK is not in the Renstra\"; the governance and innovation sasaran of the IKU and PK are not in the Renstra. What is agreed must be traceable to the five-year plan."),
        parameters: [.similarity],
        examples: [
            RuleExample("program PK yang tidak ada di Renstra (program penunjang rutin tidak, karena Renstra tidak menyebut program penunjang)", sheets: [
                RuleExample.Sheet("Renstra 2021-2026", [
                    ["Program", "Indikator Kinerja Program", "Satuan", "2023", "2024"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang dibina", "%", "75", "75"],
                ]),
                RuleExample.Sheet("PK Program 2023", [
                    ["No", "Program", "Anggaran", "Keterangan"],
                    ["1", "Program Pemberdayaan Sosial", "860.400.000", "P-APBD 2023"],
                    ["2", "!Program Pengelolaan Taman Makam Pahlawan", "15.000.000", "APBD 2023"],
                    ["3", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "6.389.070.692", "APBD 2023"],
                ]),
            ]),
            RuleExample("semua program PK ada di Renstra (Kab/Kota dan Kabupaten / Kota sama)", sheets: [
                RuleExample.Sheet("Renstra 2021-2026", [
                    ["Program", "Indikator Kinerja Program", "Satuan", "2023", "2024"],
                    ["Program Penunjang Urusan Pemerintahan Daerah Kabupaten / Kota", "Persentase layanan", "%", "100", "100"],
                ]),
                RuleExample.Sheet("PK Program 2023", [
                    ["No", "Program", "Anggaran", "Keterangan"],
                    ["1", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KAB/KOTA", "6.389.070.692", "P-APBD 2023"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads every named subject, in a set with a Renstra to trace them to.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.contains(.renstra) ? .names : .none
    }

    private static let traced: Set<DocumentKind> = [.pk, .iku, .renja, .renjaPerubahan, .lkjip]

    // What the Renstra is expected to hold: sasaran, programs and their indicators. Kegiatan and sub-kegiatan are the
    // Renja's and DPA's detail, and a name printed in an indicator column ("PROGRAM REHABILITASI SOSIAL") is no indicator.
    private static func traceable(_ item: SubjectIndex.Item) -> Bool {
        guard item.document.kind.map(traced.contains) == true else { return false }
        switch item.aspect {
        case .kegiatan: return false
        case .sasaran, .program: return true
        case .indicator:
            let row = item.row
            let level = row.level == .indicator ? row.parent.map { item.table.rows[$0].level } ?? .other : row.level
            return [.tujuan, .sasaran, .program, .other].contains(level) && !TextKey.header(item.text).hasPrefix("program ")
        }
    }

    /// Looks for each subject of the other documents in the Renstra, and for each Renstra program and sasaran in the PK.
    public func check(set members: [Linter.Member], in context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        let all = index.items
        let renstraAspects = Set(all.filter { $0.document.kind == .renstra }.map(\.aspect))
        let pkAspects = Set(all.filter { $0.document.kind == .pk }.map(\.aspect))
        guard !renstraAspects.isEmpty else { return }
        let support = context.knowledge.documents
        let renstraHasSupport = all.contains { $0.document.kind == .renstra && $0.aspect == .program && support.isSupportProgram($0.text) }
        for item in all where item.subject == nil && Self.traceable(item) {
            let names = item.candidates.map { "\"\(index.name(of: $0))\"" }.joined(separator: " / ")
            context.report(at: item.place, column: nil,
                           message: Message(
                            id: "\"\(item.text)\" sama miripnya dengan \(names): tidak dapat dicocokkan dengan pasti dengan Renstra; samakan penulisannya",
                            en: "\"\(item.text)\" resembles \(names) equally: it cannot be matched with the Renstra for certain; write it the same way"),
                           related: item.candidates.map { all[index.subjects[$0][0]].place })
        }
        for subject in index.subjects.indices {
            let items = index.items(of: subject)
            let kinds = Set(items.compactMap(\.document.kind))
            let aspect = items[0].aspect
            // Only what the set's Renstra states at all can be missing from it: a Renstra matrix of programs and their
            // indicators says nothing of sasaran, and one without the routine support programs nothing of those.
            let expected = renstraAspects.contains(aspect)
                && !(aspect == .program && !renstraHasSupport && support.isSupportProgram(items[0].text))
            if expected, !kinds.contains(.renstra), let first = items.first(where: Self.traceable) {
                let others = items.filter { $0.place.cell != first.place.cell || $0.place.table.sheetIndex != first.place.table.sheetIndex }
                let sources = Array(Set(items.compactMap { $0.document.kind?.name })).sorted().joined(separator: ", ")
                context.report(at: first.place, column: nil,
                               message: Message(
                                id: "\(Self.word(aspect).id) \"\(first.text)\" (\(sources)) tidak ada di Renstra: yang diperjanjikan dan dilaporkan harus dapat ditelusuri ke Renstra",
                                en: "the \(Self.word(aspect).en) \"\(first.text)\" (\(sources)) is not in the Renstra: what is agreed and reported must be traceable to the Renstra"),
                               related: others.map(\.place))
            }
            if kinds.contains(.renstra), !kinds.contains(.pk), [.program, .sasaran].contains(aspect), pkAspects.contains(aspect),
               let first = items.first(where: { $0.document.kind == .renstra }) {
                context.report(at: first.place, column: nil,
                               message: Message(
                                id: "\(Self.word(aspect).id) Renstra \"\(first.text)\" tidak ada di PK",
                                en: "the Renstra \(Self.word(aspect).en) \"\(first.text)\" is not in the PK"),
                               related: [])
            }
        }
    }

    private static func word(_ aspect: SubjectIndex.Aspect) -> (id: String, en: String) {
        switch aspect {
        case .indicator: ("indikator", "indicator")
        case .sasaran: ("sasaran", "sasaran")
        case .program: ("program", "program")
        case .kegiatan: ("kegiatan", "kegiatan")
        }
    }
}
