// The ReplyLint benchmark: generates reply libraries of realistic length and channel mix, and times
// the real `replylint` binary on them as whole processes (start-up included), as users run it.
//
// usage: swift run -c release replylint-benchmark [--sizes 2000,10000,100000] [--runs 5]
//                                                 [--corpus PATH] [--output benchmark-results.json]
//
// A plain executable rather than ordo-one/benchmark: the targets in PRODUCT.md are whole-process wall
// times and peak memory of the CLI, which a subprocess timer measures directly; ordo-one/benchmark
// measures in-process functions and would add jemalloc and a build plugin to every CI build.

import Foundation
import ReplyLint

// MARK: - Options

var sizes = [2_000, 10_000, 100_000]
var runs = 5
var outputPath = "benchmark-results.json"
var corpusPath: String? = {
    let candidates = ["../shared/corpus/twcs-sample.csv", "../../shared/corpus/twcs-sample.csv"]
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
}()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--sizes": sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--output": outputPath = arguments.popFirst() ?? outputPath
    case "--corpus": corpusPath = arguments.popFirst()
    case "--help", "-h":
        print("usage: replylint-benchmark [--sizes 2000,10000,100000] [--runs 5] [--corpus CSV] [--output FILE]")
        exit(0)
    default:
        FileHandle.standardError.write(Data("replylint-benchmark: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("replylint").path
guard FileManager.default.isExecutableFile(atPath: binary) else {
    FileHandle.standardError.write(Data("replylint-benchmark: build replylint first (swift build -c release)\n".utf8))
    exit(2)
}

// MARK: - Reply texts

/// Reply bodies: the shared corpus when present (read, never copied into the project), else generated.
@MainActor func replyTexts() -> [String] {
    if let corpusPath, let text = try? String(contentsOfFile: corpusPath, encoding: .utf8) {
        var texts: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            // tweet_id,author_id,inbound,created_at,text — the text is the last field, quoted when needed.
            let fields = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5 else { continue }
            var body = String(fields[4])
            if body.hasPrefix("\""), body.hasSuffix("\"") { body = String(body.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") }
            body = body.replacingOccurrences(of: "&amp;", with: "&")
            // The corpus opens with the customer's handle; a saved reply greets by name instead.
            if body.hasPrefix("@"), let space = body.firstIndex(of: " ") { body = String(body[space...]).trimmingCharacters(in: .whitespaces) }
            if body.count > 20 { texts.append(body) }
        }
        if texts.count > 100 { return texts }
    }
    var generator = SeededGenerator(seed: 42)
    let openings = ["Sorry to hear about this.", "Thanks for letting us know.", "We're sorry your order is late.", "Thanks for your patience."]
    let middles = ["Please send us a Direct Message with your order number so we can look into it.", "A crew will be out tomorrow to fix it.",
                   "You can find the details on our website.", "We've passed this on to the team, who will be in touch.",
                   "Could you tell us which store this was?", "The road will reopen on Friday morning."]
    let closings = ["We're here to help.", "Thanks again.", "Speak soon.", ""]
    return (0..<2_000).map { _ in
        [openings.randomElement(using: &generator)!, middles.randomElement(using: &generator)!, middles.randomElement(using: &generator)!, closings.randomElement(using: &generator)!].joined(separator: " ")
    }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Libraries

let channelMixes = [["x-reply"], ["x-reply", "facebook-comment"], ["x-dm", "messenger"], ["facebook-comment", "instagram-comment"], ["email"], ["sms"], ["whatsapp"]]
let faqCount = 300

/// Writes a library of `size` replies in 30 topic folders, with an FAQ of 300 entries; returns its folder.
@MainActor func makeLibrary(size: Int, texts: [String], in folder: URL) throws -> URL {
    let library = folder.appendingPathComponent("library-\(size)")
    if FileManager.default.fileExists(atPath: library.appendingPathComponent("replies").path) { return library }
    let fm = FileManager.default
    try fm.createDirectory(at: library.appendingPathComponent("policies"), withIntermediateDirectories: true)
    var faq = "---\nkind: faq\n---\n# FAQ\n\n"
    for entry in 0..<faqCount { faq += "## Question \(entry) {#q\(entry)}\nThe answer to question \(entry).\n\n" }
    try faq.write(to: library.appendingPathComponent("policies/faq.md"), atomically: true, encoding: .utf8)
    try "team:\n  name: Benchmark Support\naccounts:\n  x: \"12345\"\n  facebook: benchmark\n  instagram: benchmark\n  whatsapp: \"15550100\"\n".write(
        to: library.appendingPathComponent("replylint.yml"), atomically: true, encoding: .utf8)
    for index in 0..<size {
        let topic = library.appendingPathComponent("replies/topic-\(index % 30)")
        if index < 30 { try fm.createDirectory(at: topic, withIntermediateDirectories: true) }
        let channels = channelMixes[index % channelMixes.count]
        let hasLink = !channels.contains("sms") && !channels.contains("email")
        let body = "Hi {{customer.first_name}}, " + texts[index % texts.count] + (index % 3 == 0 && hasLink ? " {{dm_link}}" : "") + " — {{agent.full_name}}"
        let text = """
            ---
            title: Reply \(index)
            faq: q\(index % faqCount)
            channels: [\(channels.joined(separator: ", "))]
            tags: [topic-\(index % 30)]
            placeholders:
              customer.first_name: {max: 20}
            ---
            \(body)

            """
        try text.write(to: topic.appendingPathComponent("reply-\(index).md"), atomically: false, encoding: .utf8)
    }
    return library
}

// MARK: - Timing whole processes

struct Sample { var wall: Double; var peakKB: Int }

/// Runs a command to completion and returns its wall time and peak resident memory.
@MainActor func measure(_ executable: String, _ args: [String], in directory: URL) throws -> Sample {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now()
    try process.run()
    var status: Int32 = 0
    var usage = rusage()
    wait4(process.processIdentifier, &status, 0, &usage)
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return Sample(wall: wall, peakKB: usage.ru_maxrss)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

@MainActor func timed(_ label: String, runs: Int, _ body: () throws -> Sample) rethrows -> (wall: Double, peakKB: Int) {
    _ = try body()  // warm-up: file cache, dynamic linker
    var walls: [Double] = []
    var peak = 0
    for _ in 0..<runs {
        let sample = try body()
        walls.append(sample.wall)
        peak = max(peak, sample.peakKB)
    }
    return (median(walls), peak)
}

// MARK: - Run

let work = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-benchmark")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let texts = replyTexts()
var rows: [(String, String)] = []
var json: [(String, JSONValue)] = [
    ("machine", .string("\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB")),
    ("texts", .string(corpusPath != nil ? "shared corpus" : "generated")),
]
var perReply: [Int: Double] = [:]

for size in sizes {
    let library = try makeLibrary(size: size, texts: texts, in: work)
    let lint = try timed("lint \(size)", runs: size >= 100_000 ? max(1, runs / 2) : runs) {
        try measure(binary, ["lint", "--quiet", "--max-warnings", "1000000000"], in: library)
    }
    perReply[size] = lint.wall / Double(size)
    rows.append(("lint \(size) replies", String(format: "%.3f s median, %.0f replies/s, peak %.0f MB", lint.wall, Double(size) / lint.wall, Double(lint.peakKB) / 1024)))
    json.append(("lint_\(size)", .object([("wall_s", .double(lint.wall)), ("replies_per_s", .double(Double(size) / lint.wall)), ("peak_mb", .double(Double(lint.peakKB) / 1024))])))
}
if let small = perReply[10_000], let large = perReply[100_000] {
    rows.append(("per-reply cost 100k / 10k", String(format: "%.2f×", large / small)))
    json.append(("per_reply_ratio_100k_10k", .double(large / small)))
}

// Pre-commit: 5 changed files of a 2,000-reply library, process start included.
let hookLibrary = try makeLibrary(size: 2_000, texts: texts, in: work)
let changed = (0..<5).map { "replies/topic-\($0 * 7 % 30)/reply-\($0 * 7).md" }
let hook = try timed("pre-commit", runs: runs * 2) { try measure(binary, ["lint"] + changed, in: hookLibrary) }
rows.append(("pre-commit: 5 files of 2,000", String(format: "%.0f ms median", hook.wall * 1000)))
json.append(("precommit_ms", .double(hook.wall * 1000)))

// Rendering: in-process throughput, and one CLI render.
let loaded = try LibraryLoader(root: hookLibrary.path, displayBase: hookLibrary.path, configuration: try LibraryLoader.loadConfiguration(
    root: hookLibrary.path, explicitFile: nil, displayBase: hookLibrary.path, rules: RuleRegistry.descriptions), knownRules: RuleRegistry.ids).load()
let renderer = ReplyRenderer(library: loaded)
var values = TemplateValue.object([:])
values.set(.string("Ana"), at: "customer.first_name")
values.set(.string("Jordan Reyes"), at: "agent.full_name")
let renderCount = 20_000
let renderStart = DispatchTime.now()
let renderIDs = (0..<30).map { "topic-\($0)/reply-\($0)" }
let renderChannels = renderIDs.map { renderer.reply($0)?.channelIDs.first }
for index in 0..<renderCount {
    _ = try renderer.render(id: renderIDs[index % 30], channel: renderChannels[index % 30], values: values)
}
let renderSeconds = Double(DispatchTime.now().uptimeNanoseconds - renderStart.uptimeNanoseconds) / 1e9
rows.append(("render in-process, checked", String(format: "%.0f renders/s (fill, refuse unsafe output, length and privacy checks)", Double(renderCount) / renderSeconds)))
// The template alone: filling placeholders, without the checks a real render runs afterwards.
let template = renderer.reply(renderIDs[1])!.template
let templates = TemplateRenderer(partials: loaded.partials)
let templateStart = DispatchTime.now()
for _ in 0..<(renderCount * 5) { _ = try templates.render(template, context: values) }
let templateSeconds = Double(DispatchTime.now().uptimeNanoseconds - templateStart.uptimeNanoseconds) / 1e9
rows.append(("render in-process, template only", String(format: "%.0f renders/s", Double(renderCount * 5) / templateSeconds)))
json.append(("template_renders_per_s", .double(Double(renderCount * 5) / templateSeconds)))
json.append(("renders_per_s", .double(Double(renderCount) / renderSeconds)))
let cliRender = try timed("render", runs: runs * 2) {
    try measure(binary, ["render", "topic-1/reply-1", "--channel", "x-reply", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jo Reyes"], in: hookLibrary)
}
rows.append(("render one reply (CLI)", String(format: "%.0f ms median", cliRender.wall * 1000)))
json.append(("cli_render_ms", .double(cliRender.wall * 1000)))

// proselint, the tool a team would otherwise run, on the same texts when it is installed.
if let proselint = ["/usr/local/bin/proselint", "/usr/bin/proselint"].first(where: FileManager.default.isExecutableFile) ?? {
    let which = Process()
    which.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    which.arguments = ["which", "proselint"]
    let pipe = Pipe()
    which.standardOutput = pipe
    try? which.run()
    which.waitUntilExit()
    let path = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? nil : path
}() {
    let library = try makeLibrary(size: 10_000, texts: texts, in: work)
    let files = (0..<1_000).map { "replies/topic-\($0 % 30)/reply-\($0).md" }
    let peer = try timed("proselint", runs: 1) { try measure(proselint, ["check"] + files, in: library) }
    let ours = try timed("replylint", runs: runs) { try measure(binary, ["lint", "--quiet", "--max-warnings", "1000000000"], in: library) }
    let peerRate = Double(files.count) / peer.wall
    let ourRate = 10_000 / ours.wall
    rows.append(("proselint (1,000 files)", String(format: "%.0f files/s; ReplyLint %.0f files/s = %.0f×", peerRate, ourRate, ourRate / peerRate)))
    json.append(("proselint_files_per_s", .double(peerRate)))
    json.append(("speedup_vs_proselint", .double(ourRate / peerRate)))
} else {
    rows.append(("proselint", "not installed (pip install proselint==0.16.0) — comparison skipped"))
}

// MARK: - Report

let previous = (try? Data(contentsOf: URL(fileURLWithPath: outputPath))).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
print("ReplyLint benchmark — \(json[0].1.serialized()), texts: \(corpusPath != nil ? "shared corpus" : "generated"), \(runs) runs, medians")
let width = rows.map(\.0.count).max() ?? 0
for (label, value) in rows {
    print(label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value)
}
if let previous {
    print("\nAgainst the previous run (\(outputPath)):")
    for (key, value) in json {
        guard case .double(let now) = value, let before = previous[key] as? Double, before > 0 else {
            if case .object(let pairs) = value, let old = previous[key] as? [String: Any], let oldWall = old["wall_s"] as? Double,
               case .double(let wall)? = pairs.first(where: { $0.0 == "wall_s" })?.1 {
                print("  \(key): \(String(format: "%.3f s → %.3f s (%.2f×)", oldWall, wall, wall / oldWall))")
            }
            continue
        }
        print("  \(key): \(String(format: "%.3g → %.3g (%.2f×)", before, now, now / before))")
    }
}
try Data(JSONValue.object(json).serialized(pretty: true).utf8).write(to: URL(fileURLWithPath: outputPath))
print("\nwrote \(outputPath)")
