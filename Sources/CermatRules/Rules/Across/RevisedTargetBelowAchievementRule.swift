import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// XT07: a target after perubahan (Renja Perubahan, APBD-P, PK Perubahan) for year N below what the same indicator had
/// already realised by triwulan II of year N (above it, for a lower-is-better indicator).
public struct RevisedTargetBelowAchievementRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "revised-target-below-achievement", catalogue: ["XT07"],
        name: Message(id: "Target perubahan di bawah realisasi berjalan", en: "Revised target below achievement"),
        severity: .warning,
        description: Message(
            id: "Target sesudah perubahan tahun N (Renja Perubahan, APBD-P, PK Perubahan) tidak boleh lebih rendah dari realisasi indikator yang sama yang sudah dilaporkan sampai triwulan II tahun N (kolom Realisasi Triwulan II di E-81 atau evaluasi Renja), di tabel mana pun dari set dokumen — atau lebih tinggi, untuk indikator yang semakin kecil semakin baik. Realisasi triwulan II saja yang dipakai (batas bawah yang aman untuk indikator alir maupun stok); realisasi setahun penuh dilaporkan sesudah perubahan dan tidak dibandingkan. Satuan kedua nilai harus sama (Orang/Bulan bukan Orang).",
            en: "A target after perubahan for year N (Renja Perubahan, APBD-P, PK Perubahan) must not be below the same indicator's realisation already reported by triwulan II of year N (the Realisasi Triwulan II column of an E-81 or Renja evaluation), in any table of the document set — or above it, for an indicator that is better when lower. Only the triwulan II realisation is used (a safe lower bound for flow and stock indicators alike); the full-year realisation is reported after the perubahan and is not compared. Both values must have the same unit (Orang/Bulan is not Orang)."),
        rationale: Message(
            id: "Perubahan Renja ditetapkan sesudah realisasi semester pertama diketahui: APBD-P 2024 Kutai Kartanegara menurunkan target Bimbingan Fisik, Mental, Spiritual dan Sosial dari 118 menjadi 24 orang padahal 81 orang sudah dilayani sampai triwulan II. Target di bawah yang sudah dicapai menjamin capaian di atas 100% tanpa kemajuan (LHE AKIP: target harus didasarkan pada capaian dan perhitungan yang logis).",
            en: "The Renja is revised once the first half's realisation is known: the 2024 APBD-P of Kutai Kartanegara lowers the target of Bimbingan Fisik, Mental, Spiritual dan Sosial from 118 to 24 persons though 81 had been served by triwulan II. A target below what is already achieved guarantees a capaian above 100% without progress (LHE AKIP: targets must rest on results and sound reasoning)."),
        parameters: [.similarity],
        examples: [
            RuleExample("target APBD-P 24 orang padahal 81 orang sudah dilayani sampai triwulan II", sheets: [
                RuleExample.Sheet("Evaluasi Renja 2024", [
                    ["Kode", "Sub Kegiatan", "Indikator", "Target Renja 2024", "Realisasi Triwulan II"],
                    ["1.06.04.2.01.05", "Pemberian Bimbingan Fisik, Mental, Spiritual dan Sosial", "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "118 Orang", "81 Orang"],
                ]),
                RuleExample.Sheet("APBD-P 2024", [
                    ["Kode", "Sub Kegiatan", "Indikator", "Target Sebelum Perubahan", "Target Sesudah Perubahan"],
                    ["1.06.04.2.01.05", "Pemberian Bimbingan Fisik, Mental, Spiritual dan Sosial", "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "118 Orang", "!24 Orang"],
                ]),
            ]),
            RuleExample("target perubahan di atas realisasi triwulan II; satuan berbeda (Orang/Bulan dan Orang) tidak dibandingkan", sheets: [
                RuleExample.Sheet("Evaluasi Renja 2024", [
                    ["Kode", "Sub Kegiatan", "Indikator", "Target Renja 2024", "Realisasi Triwulan II"],
                    ["1.06.04.2.01.05", "Pemberian Bimbingan Fisik, Mental, Spiritual dan Sosial", "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "118 Orang", "81 Orang"],
                    ["1.06.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "1106 Orang", "632 Orang"],
                ]),
                RuleExample.Sheet("APBD-P 2024", [
                    ["Kode", "Sub Kegiatan", "Indikator", "Target Sebelum Perubahan", "Target Sesudah Perubahan"],
                    ["1.06.04.2.01.05", "Pemberian Bimbingan Fisik, Mental, Spiritual dan Sosial", "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "118 Orang", "100 Orang"],
                    ["1.06.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "79 Orang/Bulan", "79 Orang/Bulan"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// A realisation reported by triwulan II.
    private struct Achieved {
        var place: SubjectIndex.Place
        var column: PlanningColumn
        var value: TypedValue
        var number: Double
        var year: Int
        var unit: String?
        var kode: String?
    }

    /// Reads the indicators, in a set with a column stating targets after perubahan (only those are compared).
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.bases.contains(.perubahan) ? .indicators : .none
    }

    /// Compares each target after perubahan with the triwulan II realisations of its year.
    public func check(set members: [Linter.Member], in context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        let reading = AcrossReading(context)
        for subject in index.subjects.indices {
            let items = index.indicators(of: subject)
            let achieved = items.flatMap { achievements($0, reading) }
            guard !achieved.isEmpty else { continue }
            // A subject matched by text may join sub-kegiatan of different kode that share an indicator text
            // ("Pelayanan Kedaruratan" under two kegiatan): rows with kode are compared only with their own kode.
            let revised = items.flatMap { item in
                item.statements.filter { $0.role == "target" && $0.basis == .perubahan && $0.year != nil
                    && $0.value.value.number != nil && reading.speaks($0, for: item) }.map { (item, $0) }
            }
            var seen: Set<SubjectIndex.Place.ID> = []
            for (item, target) in revised where seen.insert(target.place.id).inserted {
                let kode = item.kode
                let value = target.value.value.number!
                let unit = Self.unit(target.place, target.column.index, reading)
                let lower = reading.lower(item)
                let same = achieved.filter { $0.year == target.year && $0.unit == unit && (kode == nil || $0.kode == nil || $0.kode == kode) }
                let worst = lower ? same.min { $0.number < $1.number } : same.max { $0.number < $1.number }
                guard let done = worst, lower ? value > done.number + 1e-9 : value < done.number - 1e-9 else { continue }
                report(target, against: done, subject: subject, lower: lower, index, reading, context)
            }
        }
    }

    // The triwulan II realisations of an item's row, with the year of their table.
    private func achievements(_ item: SubjectIndex.Item, _ reading: AcrossReading) -> [Achieved] {
        let table = item.table
        guard let year = table.classification?.year else { return [] }
        return table.columns(role: "realisasi").filter { $0.descriptor.period == "TW2" && $0.descriptor.measure != "Rp" }
            .compactMap { column in
                guard let value = item.row.values[column.index], let number = value.value.number else { return nil }
                let place = reading.place(item.place, column: column.index)
                guard AcrossReading.same(reading.indicator(place, column: column.index), item.text) else { return nil }
                return Achieved(place: place, column: column, value: value, number: number, year: year,
                                unit: Self.unit(place, column.index, reading), kode: item.kode)
            }
    }

    // The unit of a value: its cell's or its Satuan column's, else the one the row prints beside its other values
    // ("88 Dokumen | 34 Dokumen | 25 | 13"), else its indicator's noun; the dictionary name when it is one.
    private static func unit(_ place: SubjectIndex.Place, _ column: Int, _ reading: AcrossReading) -> String? {
        let read = reading.unit(place, column: column)
        let printed = read == nil || read?.source == .indicator ? place.row.unit ?? read?.text : read?.text
        return printed.map { reading.vocabulary.unit(spelled: $0)?.name ?? TextKey.header($0) }
    }

    private func report(_ target: SubjectIndex.Statement, against done: Achieved, subject: Int, lower: Bool,
                        _ index: SubjectIndex, _ reading: AcrossReading, _ context: SetContext) {
        let name = index.name(of: subject)
        let year = target.year!
        let shown = done.value.raw
        let place = done.place.description
        // The target before perubahan on the same row, when the table prints one.
        let before = target.place.table.columns(role: "target").first { $0.descriptor.period == "sebelum" }
            .flatMap { target.place.row.values[$0.index]?.raw }
        let was = before.map { " (sebelum perubahan: \($0))" } ?? ""
        let wasEn = before.map { " (before perubahan: \($0))" } ?? ""
        context.report(at: target.place, column: target.column.descriptor,
                       message: lower
                        ? Message(id: "target sesudah perubahan \(year) \"\(name)\" \(target.cited(.id))\(was) lebih tinggi dari realisasi sampai triwulan II \(year) \(shown) (\(place)), padahal indikator ini semakin kecil semakin baik: target perubahan seharusnya paling tinggi yang sudah dicapai",
                                  en: "the \(year) target after perubahan of \"\(name)\" \(target.cited(.en))\(wasEn) is above the realisation by triwulan II of \(year) \(shown) (\(place)), though the indicator is better when lower: a revised target should be at most what is already achieved")
                        : Message(id: "target sesudah perubahan \(year) \"\(name)\" \(target.cited(.id))\(was) lebih rendah dari realisasi sampai triwulan II \(year) \(shown) (\(place)): target perubahan seharusnya paling sedikit yang sudah dicapai",
                                  en: "the \(year) target after perubahan of \"\(name)\" \(target.cited(.en))\(wasEn) is below the realisation by triwulan II of \(year) \(shown) (\(place)): a revised target should be at least what is already achieved"),
                       expected: done.number, actual: target.value.value.number, related: [done.place])
    }
}
