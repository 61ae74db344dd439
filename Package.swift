// swift-tools-version:6.1
import PackageDescription

// The models' accessors are read millions of times by the layers above: full cross-module optimisation lets those
// layers inline them (a row's values, a cell) instead of calling an accessor and retaining what it yields.
let modelSettings: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

// One target per layer of DESIGN.md §1; dependencies point downwards only, and each C library has exactly one importer.
let package = Package(
    name: "Cermat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cermat", targets: ["cermat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The HTTP server of `cermat serve`; without its default traits, which pull in swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // C modules, found through pkg-config.
        .systemLibrary(name: "CLibzip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CIsal", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // jemalloc, the executable's allocator in place of glibc's malloc.
        .systemLibrary(name: "CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),

        // Workbook model: sheets, cells, styles. Knows nothing of ZIP, XML or planning.
        .target(name: "CermatWorkbook", swiftSettings: modelSettings),
        // XLSX reader: ZIP container (libzip, inflated with ISA-L), hand-written XML scanner, SpreadsheetML parts.
        .target(name: "CermatReader", dependencies: ["CLibzip", "CIsal", "CermatWorkbook"]),
        // Planning model: tables, columns, rows, typed values read Indonesian-first. Knows nothing of XML or output.
        .target(name: "CermatPlanning", dependencies: ["CermatWorkbook"], swiftSettings: modelSettings),
        // The rules/ folder as typed values: table forms, vocabulary, scales, rule defaults.
        .target(name: "CermatKnowledge", dependencies: ["CermatWorkbook", "CermatPlanning", .product(name: "Yams", package: "Yams")]),
        // Table recognition: headers, column roles, column-number rows, row hierarchy.
        .target(name: "CermatRecognition", dependencies: ["CermatWorkbook", "CermatPlanning", "CermatKnowledge"]),
        // Rules: checks over the planning model; findings are values.
        .target(name: "CermatRules", dependencies: ["CermatWorkbook", "CermatPlanning", "CermatKnowledge", "CermatRecognition"]),
        // Annotator: the annotated copy of a workbook, rebuilt from the model with libxlsxwriter (its only importer).
        .target(name: "CermatAnnotator", dependencies: ["CXlsxWriter", "CermatWorkbook", "CermatRules"]),
        // Reporters: findings as text, JSON, SARIF, JUnit, GitHub annotations; the rule catalogue as documentation.
        .target(name: "CermatReporting", dependencies: ["CermatWorkbook", "CermatPlanning", "CermatKnowledge", "CermatRules"]),
        // HTTP server: the page for planners and the API for upload portals, over the reader, rules, reporters, annotator.
        .target(name: "CermatServer", dependencies: [
            "CermatWorkbook", "CermatReader", "CermatRules", "CermatReporting", "CermatAnnotator",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], resources: [.embedInCode("Page/index.html"), .embedInCode("Page/app.css"), .embedInCode("Page/app.js")]),
        // Command line: arguments, configuration, exit codes.
        .target(name: "CermatCLI", dependencies: [
            "CermatWorkbook", "CermatReader", "CermatPlanning", "CermatKnowledge", "CermatRecognition", "CermatRules",
            "CermatReporting", "CermatAnnotator", "CermatServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "cermat", dependencies: ["CermatCLI", "CJemalloc"]),

        // Tests: one target per layer, plus fixture helpers shared by all of them.
        .target(name: "CermatTestSupport", dependencies: ["CermatWorkbook"], path: "Tests/Support"),
        .testTarget(name: "CermatWorkbookTests", dependencies: ["CermatWorkbook"]),
        .testTarget(name: "CermatReaderTests", dependencies: ["CermatReader", "CermatWorkbook", "CermatTestSupport"]),
        .testTarget(name: "CermatPlanningTests", dependencies: ["CermatPlanning", "CermatWorkbook"]),
        .testTarget(name: "CermatRecognitionTests", dependencies: [
            "CermatRecognition", "CermatKnowledge", "CermatPlanning", "CermatReader", "CermatWorkbook", "CermatTestSupport",
        ]),
        .testTarget(name: "CermatRulesTests", dependencies: [
            "CermatRules", "CermatRecognition", "CermatKnowledge", "CermatPlanning", "CermatReader", "CermatWorkbook",
            "CermatTestSupport",
        ]),
        .testTarget(name: "CermatReportingTests", dependencies: [
            "CermatReporting", "CermatRules", "CermatKnowledge", "CermatReader", "CermatWorkbook", "CermatTestSupport",
        ]),
        .testTarget(name: "CermatAnnotatorTests", dependencies: [
            "CermatAnnotator", "CermatRules", "CermatKnowledge", "CermatReader", "CermatWorkbook", "CermatTestSupport",
        ]),
        .testTarget(name: "CermatCLITests", dependencies: ["cermat", "CermatTestSupport"]),
        .testTarget(name: "CermatServerTests", dependencies: [
            "CermatServer", "CermatRules", "CermatKnowledge", "CermatReader", "CermatWorkbook", "CermatTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
    ]
)
