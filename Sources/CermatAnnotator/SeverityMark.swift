import CermatRules

/// How a severity looks in the copy: a light fill and a darker border (the conditional-format colours people know
/// from spreadsheets: red for errors, amber for warnings, blue for information).
enum SeverityMark {
    /// The cell fill, RGB.
    static func fill(_ severity: Severity) -> UInt32 {
        switch severity {
        case .error: 0xFFC7CE
        case .warning: 0xFFEB9C
        case .info: 0xDDEBF7
        }
    }

    /// The border and text colour, RGB.
    static func border(_ severity: Severity) -> UInt32 {
        switch severity {
        case .error: 0xC00000
        case .warning: 0xBF8F00
        case .info: 0x2F75B5
        }
    }

    /// The severity's name for people.
    static func word(_ severity: Severity, _ language: Language) -> String {
        switch (severity, language) {
        case (.error, .id): "kesalahan"
        case (.warning, .id): "peringatan"
        case (.info, .id): "info"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "info"
        }
    }
}
