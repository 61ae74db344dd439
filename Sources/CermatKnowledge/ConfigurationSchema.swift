extension Configuration {
    /// Every key of `.cermat.yml`, in the order `cermat init` writes them.
    public static let schema: [ConfigurationKey] = [
        ConfigurationKey("language", id: "Bahasa pesan: id (Bahasa Indonesia) atau en.",
                         en: "The language of messages: id (Bahasa Indonesia) or en.", example: "id"),
        ConfigurationKey("fail-on", id: "Temuan paling ringan yang membuat status keluar 1: error, warning, info atau never.",
                         en: "The least severe finding that makes the exit status 1: error, warning, info or never.",
                         example: "error"),
        ConfigurationKey("rules", id: "Pengaturan tiap aturan, menurut id-nya (cermat rules mendaftarnya).",
                         en: "Settings of each rule, by its id (cermat rules lists them).", keys: ruleKeys),
        ConfigurationKey("sheets", id: "Pengaturan untuk satu sheet, menurut namanya yang persis.",
                         en: "Settings for one sheet, by its exact name.", example: "\"Tabel 5 Renja-P\"", keys: [
            ConfigurationKey("disable", id: "Aturan yang tidak dijalankan pada sheet ini.",
                             en: "Rules that do not run on this sheet.", example: "[change-difference, total-sum]"),
            ConfigurationKey("rules", id: "Pengaturan aturan khusus sheet ini (kunci yang sama seperti rules di atas).",
                             en: "Rule settings for this sheet only (the same keys as rules above).",
                             example: "{capaian-formula: {severity: warning}}"),
        ]),
        ConfigurationKey("documents", id: "Dokumen sebuah sheet (menurut namanya yang persis), bila buku kerjanya tidak menyebutnya.",
                         en: "The document a sheet (by its exact name) belongs to, when its workbook does not say.",
                         example: "\"Tabel 1\"", keys: [
            ConfigurationKey("type", id: "renstra, renja, renja-perubahan, rkpd, pk, iku, dpa, lkjip atau evaluasi (wajib).",
                             en: "renstra, renja, renja-perubahan, rkpd, pk, iku, dpa, lkjip or evaluasi (required).", example: "renja"),
            ConfigurationKey("year", id: "Tahun yang direncanakan atau dilaporkan.", en: "The year it plans or reports.",
                             example: "2023"),
            ConfigurationKey("basis", id: "murni (sebelum perubahan) atau perubahan.", en: "murni (before perubahan) or perubahan.",
                             example: "murni"),
        ]),
        ConfigurationKey("suppress", id: "Temuan yang diterima dengan alasan; tidak dilaporkan lagi tetapi dihitung (--show-suppressed menampilkannya).",
                         en: "Findings accepted with a reason; no longer reported but counted (--show-suppressed lists them).", keys: [
            ConfigurationKey("rule", id: "Id aturan (wajib).", en: "The rule id (required).", example: "capaian-formula"),
            ConfigurationKey("reason", id: "Alasan temuan diterima (wajib).", en: "Why the finding is accepted (required).",
                             example: "\"target diubah lewat Renja-P; capaian dihitung dari target awal\""),
            ConfigurationKey("file", id: "Nama atau pola berkas (wildcard *, ?), bila hanya untuk berkas tertentu.",
                             en: "A file name or pattern (wildcards *, ?), to narrow it to some workbooks.",
                             example: "\"renja-perubahan-*.xlsx\""),
            ConfigurationKey("sheet", id: "Nama sheet, bila hanya untuk satu sheet.", en: "A sheet name, to narrow it to one sheet.",
                             example: "E-81"),
            ConfigurationKey("range", id: "Rentang sel, bila hanya untuk sel tertentu.", en: "A cell range, to narrow it to some cells.",
                             example: "U10:U40"),
            ConfigurationKey("kode", id: "Kode baris; mencakup juga baris di bawahnya (1.06.01 mencakup 1.06.01.2.01).",
                             en: "A row's kode; also covers the rows below it (1.06.01 covers 1.06.01.2.01).", example: "1.06.01"),
        ]),
    ]

    /// The settings one rule may have, in `rules`, `sheets.<name>.rules` and `rules/defaults.yml`.
    static let ruleKeys: [ConfigurationKey] = [
        ConfigurationKey("severity", id: "error, warning atau info.", en: "error, warning or info.", example: "warning"),
        ConfigurationKey("enabled", id: "false mematikan aturan.", en: "false switches the rule off.", example: "false"),
        ConfigurationKey("tolerance", id: "Toleransi tetap, sebagai ganti ketelitian angka yang tercetak.",
                         en: "A fixed tolerance instead of the printed precision's.", example: "0.01"),
        ConfigurationKey("parameters", id: "Ambang bernama milik aturan (cermat explain menyebutnya).",
                         en: "The rule's named thresholds (cermat explain names them).", example: "{warn-above: 200}"),
    ]
}
