import CermatKnowledge
import CermatWorkbook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The findings people have accepted with a reason, applied to the findings of a whole run (per workbook and across
/// workbooks alike): the configuration's `suppress:` entries and the `cermat: abaikan …` notes of every workbook read.
///
/// A note without a reason or naming an unknown rule suppresses nothing; the invalid-suppression rule reports it.
public struct Suppressions: Sendable {
    /// A finding that was not reported, and the suppression that accepted it.
    public struct Suppressed: Sendable {
        /// The finding.
        public var finding: Finding
        /// What accepted it.
        public var suppression: Suppression
    }

    /// Findings split into those still reported and those accepted.
    public struct Outcome: Sendable {
        /// Findings to report, in the order given.
        public var reported: [Finding]
        /// Findings accepted, in the order given.
        public var suppressed: [Suppressed]
    }

    private struct NoteKey: Hashable {
        var file: String, sheet: String, cell: CellAddress, rule: String
    }

    private var entries: [(entry: Configuration.Suppression, suppression: Suppression)] = []
    private var notes: [NoteKey: Suppression] = [:]

    /// The configuration's entries (its rule ids are checked when the linter is made).
    public init(configuration: Configuration) {
        let file = configuration.path ?? ".cermat.yml"
        entries = configuration.suppressions.map { entry in
            (entry, Suppression(rule: entry.rule, reason: entry.reason, origin: .configuration(file: file, place: entry.place)))
        }
    }

    /// Adds the valid suppression notes of a workbook (a known rule and a reason).
    public mutating func add(notesOf workbook: Workbook) {
        let known = Set(RuleRegistry.all.map { $0.info.id })
        for sheet in workbook.sheets {
            for note in sheet.notes {
                for directive in SuppressionNote.parse(note.text) where !directive.reason.isEmpty {
                    for rule in directive.rules where known.contains(rule) {
                        let origin = Suppression.Origin.note(file: workbook.source, sheet: sheet.name, cell: note.address)
                        notes[NoteKey(file: workbook.source, sheet: sheet.name, cell: note.address, rule: rule)]
                            = Suppression(rule: rule, reason: directive.reason, origin: origin)
                    }
                }
            }
        }
    }

    /// Splits findings into reported and suppressed; a note on the finding's cell goes before the configuration.
    public func apply(_ findings: [Finding]) -> Outcome {
        var outcome = Outcome(reported: [], suppressed: [])
        for finding in findings {
            if let suppression = suppression(of: finding) {
                outcome.suppressed.append(Suppressed(finding: finding, suppression: suppression))
            } else {
                outcome.reported.append(finding)
            }
        }
        return outcome
    }

    private func suppression(of finding: Finding) -> Suppression? {
        if let note = notes[NoteKey(file: finding.file, sheet: finding.sheet, cell: finding.cell, rule: finding.rule)] {
            return note
        }
        return entries.first { Self.matches($0.entry, finding) }?.suppression
    }

    private static func matches(_ entry: Configuration.Suppression, _ finding: Finding) -> Bool {
        guard entry.rule == finding.rule else { return false }
        if let sheet = entry.sheet, sheet != finding.sheet { return false }
        if let range = entry.range, !range.contains(finding.cell) { return false }
        if let kode = entry.kode {
            guard let own = finding.key.kode, own == kode || own.hasPrefix(kode + ".") else { return false }
        }
        if let pattern = entry.file {
            let name = finding.file.split(separator: "/").last.map(String.init) ?? finding.file
            // A pattern with a slash is matched against the whole path, else against the file name.
            let subject = pattern.contains("/") ? finding.file : name
            guard fnmatch(pattern, subject, 0) == 0 else { return false }
        }
        return true
    }
}
