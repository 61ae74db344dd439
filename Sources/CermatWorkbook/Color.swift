/// A SpreadsheetML colour, kept as written so that a copy can reproduce it.
public enum Color: Hashable, Sendable {
    /// An explicit ARGB value, e.g. `0xFFFF0000` for opaque red.
    case argb(UInt32)
    /// A theme colour index with a tint in −1…1.
    case theme(Int, tint: Double)
    /// An index into the legacy 64-colour palette (or the workbook's own `indexedColors`).
    case indexed(Int)
    /// The application's automatic colour.
    case automatic

    /// The colour as opaque RGB (`0xRRGGBB`), resolved against the workbook's theme and palette; `nil` for automatic.
    public func rgb(theme: [UInt32], palette: [UInt32]) -> UInt32? {
        switch self {
        case .argb(let value):
            return value & 0x00FF_FFFF
        case .indexed(let index):
            let table = palette.isEmpty ? Color.defaultPalette : palette
            return index >= 0 && index < table.count ? table[index] : nil
        case .theme(let index, let tint):
            // Theme order in clrScheme is dk1 lt1 dk2 lt2 …, but index 0/1 mean lt1/dk1 in cell colours (ECMA-376 quirk).
            let mapped = index == 0 ? 1 : index == 1 ? 0 : index == 2 ? 3 : index == 3 ? 2 : index
            guard mapped >= 0, mapped < theme.count else { return nil }
            return Color.applyTint(theme[mapped], tint)
        case .automatic:
            return nil
        }
    }

    /// The 64 legacy palette entries of SpreadsheetML (ECMA-376 §18.8.27), used when a workbook defines none.
    public static let defaultPalette: [UInt32] = [
        0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
        0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
        0x800000, 0x008000, 0x000080, 0x808000, 0x800080, 0x008080, 0xC0C0C0, 0x808080,
        0x9999FF, 0x993366, 0xFFFFCC, 0xCCFFFF, 0x660066, 0xFF8080, 0x0066CC, 0xCCCCFF,
        0x000080, 0xFF00FF, 0xFFFF00, 0x00FFFF, 0x800080, 0x800000, 0x008080, 0x0000FF,
        0x00CCFF, 0xCCFFFF, 0xCCFFCC, 0xFFFF99, 0x99CCFF, 0xFF99CC, 0xCC99FF, 0xFFCC99,
        0x3366FF, 0x33CCCC, 0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600, 0x666699, 0x969696,
        0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399, 0x333333,
    ]

    // Tint moves luminance towards white (positive) or black (negative), as Excel does in HLS space.
    private static func applyTint(_ rgb: UInt32, _ tint: Double) -> UInt32 {
        guard tint != 0 else { return rgb }
        let channels = [Double((rgb >> 16) & 0xFF), Double((rgb >> 8) & 0xFF), Double(rgb & 0xFF)].map { $0 / 255 }
        let maxC = channels.max()!, minC = channels.min()!
        var lum = (maxC + minC) / 2
        let delta = maxC - minC
        var hue = 0.0, sat = 0.0
        if delta > 0 {
            sat = lum < 0.5 ? delta / (maxC + minC) : delta / (2 - maxC - minC)
            if maxC == channels[0] { hue = (channels[1] - channels[2]) / delta + (channels[1] < channels[2] ? 6 : 0) }
            else if maxC == channels[1] { hue = (channels[2] - channels[0]) / delta + 2 }
            else { hue = (channels[0] - channels[1]) / delta + 4 }
            hue /= 6
        }
        lum = tint < 0 ? lum * (1 + tint) : lum * (1 - tint) + tint
        func channel(_ t0: Double) -> Double {
            guard sat > 0 else { return lum }
            let q = lum < 0.5 ? lum * (1 + sat) : lum + sat - lum * sat
            let p = 2 * lum - q
            var t = t0
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            if t < 1.0 / 6 { return p + (q - p) * 6 * t }
            if t < 0.5 { return q }
            if t < 2.0 / 3 { return p + (q - p) * (2.0 / 3 - t) * 6 }
            return p
        }
        let out = [channel(hue + 1.0 / 3), channel(hue), channel(hue - 1.0 / 3)].map { UInt32(($0 * 255).rounded()) & 0xFF }
        return (out[0] << 16) | (out[1] << 8) | out[2]
    }
}
