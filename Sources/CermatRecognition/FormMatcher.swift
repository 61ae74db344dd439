import CermatKnowledge
import CermatPlanning

/// Chooses the form of `rules/forms/` a table header belongs to, from keywords in its header, number row and title.
struct FormMatcher {
    let forms: [TableForm]

    /// The best-scoring form whose signature the text satisfies, and whether another form scored the same.
    func match(header: HeaderBlock, title: [String], grid: SheetGrid) -> (form: TableForm?, ambiguous: [String]) {
        var texts = header.paths.values.flatMap { $0 }
        texts += title.map(TextKey.header)
        if let numbers = header.numberRow {
            texts += numbers.statements.map { TextKey.header($0.text) }
        }
        let text = texts.joined(separator: " | ")
        var best: (form: TableForm, score: Int)?
        var ties: [String] = []
        for form in forms {
            let signature = form.signature
            guard signature.all.allSatisfy({ text.contains($0) }), !signature.none.contains(where: { text.contains($0) })
            else { continue }
            let any = signature.any.filter { text.contains($0) }.count
            guard any >= signature.minimumAny else { continue }
            let score = signature.all.count * 2 + any
            if best == nil || score > best!.score {
                best = (form, score)
                ties = []
            } else if score == best!.score {
                ties.append(form.id)
            }
        }
        return (best?.form, ties.isEmpty ? [] : [best!.form.id] + ties)
    }
}
