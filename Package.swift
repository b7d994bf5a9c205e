// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReplyLint",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ReplyLint", targets: ["ReplyLint"]),
        .executable(name: "replylint", targets: ["replylint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "ReplyLint",
            dependencies: ["CLibXML2", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "replylint",
            dependencies: ["ReplyLint", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "replylint-benchmark",
            dependencies: ["ReplyLint"]
        ),
        .testTarget(
            name: "ReplyLintTests",
            // The CLI tests run the built `replylint`; fixtures are read from the source tree.
            dependencies: ["ReplyLint", "replylint", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ]
)
