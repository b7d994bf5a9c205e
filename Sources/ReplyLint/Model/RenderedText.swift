// A reply rendered for one channel: the text the post-render checks read.

/// A reply rendered for one channel, as rules that check real text see it.
public struct RenderedText: Sendable {
    public var reply: Reply
    public var channel: Channel
    public var text: String

    public init(reply: Reply, channel: Channel, text: String) {
        self.reply = reply
        self.channel = channel
        self.text = text
    }
}
