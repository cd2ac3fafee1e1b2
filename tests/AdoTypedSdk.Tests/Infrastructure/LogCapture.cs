using Microsoft.Extensions.Logging;

namespace AdoTypedSdk.Tests.Infrastructure;

/// <summary>A logger provider that keeps what is logged, for tests to read.</summary>
/// <param name="categoryPrefix">Only categories starting with this are enabled; all when null.</param>
internal sealed class LogCapture(string? categoryPrefix = null) : ILoggerProvider
{
    private readonly List<(string Category, LogLevel Level, string Message)> _entries = [];

    /// <summary>A copy: Azure.Core's event source also reports the requests of tests running beside this one, from their threads.</summary>
    public List<(string Category, LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
                return [.. _entries];
        }
    }

    /// <summary>Each entry as <c>Level Category: Message</c>.</summary>
    public IReadOnlyList<string> Lines => Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}").ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName, categoryPrefix is null || categoryName.StartsWith(categoryPrefix, StringComparison.Ordinal));

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category, bool enabled) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => enabled;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            lock (capture._entries)
                capture._entries.Add((category, logLevel, formatter(state, exception)));
        }
    }
}
