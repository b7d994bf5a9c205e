// swift-tools-version:6.0
import PackageDescription

/// Links the Swift runtime and Foundation into `replylint` on Linux: loading them as shared libraries
/// took most of its 20-odd ms start-up. Foundation's static archives depend on each other in a circle,
/// which the linker resolves only inside a group (`swift build --static-swift-stdlib` alone fails to link).
/// Release builds only: the debug test bundle links the executable's module, and XCTest and Testing
/// have no static archives.
let staticSwiftRuntime = ["-static-stdlib", "-Xlinker", "--start-group"]
    + ["Foundation", "FoundationEssentials", "FoundationInternationalization", "CoreFoundation",
       "_FoundationICU", "_FoundationCollections", "_FoundationCShims", "swiftSynchronization"].flatMap { ["-Xlinker", "-l\($0)"] }
    + ["-Xlinker", "--end-group"]

let package = Package(
    name: "ReplyLint",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ReplyLint", targets: ["ReplyLint"]),
        .executable(name: "replylint", targets: ["replylint"]),
        .executable(name: "replylint-server", targets: ["replylint-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // HTTP request and response parts in the channel pipeline (serve's request-body limit); Hummingbird uses it too.
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        // RFC 4180 CSV (quoted fields across lines) for usage exports and reply import/export.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Policies saved from Word (.docx are ZIP archives); its system zlib comes from zlib1g-dev.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .target(
            name: "ReplyLint",
            dependencies: [
                "CLibXML2", "CCMark", .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The HTML report's style sheet and script, and data files: compiled in, one self-contained binary.
            resources: [.embedInCode("Resources")]
        ),
        // `replylint serve`: the HTTP API, the web page for agents, library reloads, the usage log writer.
        .target(
            name: "ReplyLintServer",
            dependencies: [
                "ReplyLint",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The agents' page (index.html, app.css, app.js), compiled in.
            resources: [.embedInCode("Resources")]
        ),
        // `replylint mcp`: the same search, render and lint as tools for AI assistants, over stdio.
        .target(
            name: "ReplyLintMCP",
            dependencies: [
                "ReplyLint",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The usage log in PostgreSQL (PostgresNIO), and the one factory that picks a usage log's backend;
        // kept out of the core library so that `ReplyLint` does not import NIO.
        .target(
            name: "ReplyLintPostgres",
            dependencies: [
                "ReplyLint",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The commands both executables share (argument parsing, exit codes, output); no networking.
        .target(
            name: "ReplyLintCLI",
            dependencies: ["ReplyLint", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `replylint`: lint, render, count, list, rules, usage, init, import, export. It links neither the
        // server, the MCP SDK, PostgreSQL's client nor networking, and the Swift runtime and Foundation
        // statically, so it starts in a few milliseconds (issue 20); `serve`, `mcp` and a PostgreSQL
        // usage log are handed over to `replylint-server`.
        .executableTarget(
            name: "replylint",
            dependencies: ["ReplyLintCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: [.unsafeFlags(staticSwiftRuntime, .when(platforms: [.linux], configuration: .release))]
        ),
        // `replylint-server`: every command, with `serve`, `mcp` and PostgreSQL usage logs.
        .executableTarget(
            name: "replylint-server",
            dependencies: [
                "ReplyLint", "ReplyLintCLI", "ReplyLintServer", "ReplyLintMCP", "ReplyLintPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "replylint-benchmark",
            dependencies: ["ReplyLint"]
        ),
        // The parsers under libFuzzer (scripts/fuzz.sh builds it with -sanitize=fuzzer); built normally,
        // it replays saved inputs.
        .executableTarget(
            name: "replylint-fuzz",
            dependencies: ["ReplyLint"]
        ),
        .testTarget(
            name: "ReplyLintTests",
            // The CLI tests run the built `replylint`; fixtures are read from the source tree.
            dependencies: [
                "ReplyLint", "replylint", "replylint-server", .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]
        ),
        // The usage log in a real PostgreSQL: run with `.ci/with-postgres swift test` (as .ci/run does);
        // without REPLYLINT_TEST_POSTGRES_URL these tests are skipped with a note, unless
        // REPLYLINT_REQUIRE_POSTGRES=1 makes them fail.
        .testTarget(
            name: "ReplyLintPostgresTests",
            dependencies: [
                "ReplyLint", "ReplyLintPostgres", "replylint", "replylint-server",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ReplyLintServerTests",
            dependencies: [
                "ReplyLint", "ReplyLintServer", "ReplyLintMCP", "replylint", "replylint-server",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
    ]
)
