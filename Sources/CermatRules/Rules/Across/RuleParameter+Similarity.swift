extension RuleParameter {
    /// The threshold every rule matching subjects across documents reads: how alike two normalised texts must be.
    static let similarity = RuleParameter("similarity", Message(
        id: "kemiripan terkecil (0–1) dua teks indikator, sasaran atau program untuk dianggap sama",
        en: "the least similarity (0–1) for two indicator, sasaran or program texts to be the same"))
}
