using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Testing;

public sealed partial class EmbeddedWorkItems
{
    /// <summary>
    /// The part of WIQL the store evaluates: <c>SELECT … FROM WorkItems|WorkItemLinks [WHERE …] [ORDER BY …] [ASOF '…'] [MODE (…)]</c>.
    /// A query it cannot read is a <see cref="FormatException"/>, answered as ADO answers a syntax error.
    /// </summary>
    private sealed partial class Wiql
    {
        private readonly List<string> _tokens;
        private int _next;
        private Func<Func<string, JToken?>, Context, bool> _condition = (_, _) => true;
        private readonly List<(string Field, bool Descending)> _order = [];

        private Wiql(string text) => _tokens = Token().Matches(text).Select(m => m.Value).ToList();

        public bool IsLinkQuery { get; private set; }

        public List<string> Columns { get; } = [];

        /// <summary>What a query's macros stand for.</summary>
        public sealed record Context(string? Project);

        public static Wiql Parse(string text)
        {
            var query = new Wiql(text);
            query.Expect("SELECT");
            do
                query.Columns.Add(query.Field());
            while (query.Accept(","));
            query.Expect("FROM");
            var source = query.Take();
            query.IsLinkQuery = source.Equals("WorkItemLinks", StringComparison.OrdinalIgnoreCase);
            if (!query.IsLinkQuery && !source.Equals("WorkItems", StringComparison.OrdinalIgnoreCase))
                throw new FormatException($"Expecting WorkItems or WorkItemLinks after FROM, not '{source}'.");
            if (query.Accept("WHERE"))
                query._condition = query.Or();
            if (query.Accept("ORDER"))
            {
                query.Expect("BY");
                do
                {
                    var field = query.Field();
                    var descending = query.Accept("DESC");
                    if (!descending)
                        query.Accept("ASC");
                    query._order.Add((field, descending));
                }
                while (query.Accept(","));
            }
            if (query.Accept("ASOF"))
                query.Take();
            if (query.Accept("MODE"))
                while (query._next < query._tokens.Count)
                    query.Take();
            if (query._next < query._tokens.Count)
                throw new FormatException($"Unexpected '{query._tokens[query._next]}' in the query.");
            return query;
        }

        public bool Matches(Func<string, JToken?> valueOf, Context context) => _condition(valueOf, context);

        public IEnumerable<int> Order(IEnumerable<int> ids, Func<int, JObject> fieldsOf)
        {
            IOrderedEnumerable<int>? ordered = null;
            foreach (var (field, descending) in _order)
            {
                Func<int, JToken?> key = id => fieldsOf(id)[field];
                ordered = ordered is null
                    ? descending ? ids.OrderByDescending(key, Comparer) : ids.OrderBy(key, Comparer)
                    : descending ? ordered.ThenByDescending(key, Comparer) : ordered.ThenBy(key, Comparer);
            }
            return ordered ?? ids;
        }

        private static readonly IComparer<JToken?> Comparer = Comparer<JToken?>.Create(Compare);

        private static int Compare(JToken? left, JToken? right)
        {
            if (left is null || left.Type == JTokenType.Null)
                return right is null || right.Type == JTokenType.Null ? 0 : -1;
            if (right is null || right.Type == JTokenType.Null)
                return 1;
            if (left.Type is JTokenType.Integer or JTokenType.Float && right.Type is JTokenType.Integer or JTokenType.Float)
                return ((double)left).CompareTo((double)right);
            return string.Compare(Text(left), Text(right), StringComparison.OrdinalIgnoreCase);
        }

        private static string Text(JToken token) => token.Type == JTokenType.Object
            ? (string?)token["uniqueName"] ?? (string?)token["displayName"] ?? ""
            : token.Type == JTokenType.Date ? ((DateTime)token).ToString("o", CultureInfo.InvariantCulture) : token.ToString();

        private Func<Func<string, JToken?>, Context, bool> Or()
        {
            var left = And();
            while (Accept("OR"))
            {
                var (first, second) = (left, And());
                left = (value, context) => first(value, context) || second(value, context);
            }
            return left;
        }

        private Func<Func<string, JToken?>, Context, bool> And()
        {
            var left = Not();
            while (Accept("AND"))
            {
                var (first, second) = (left, Not());
                left = (value, context) => first(value, context) && second(value, context);
            }
            return left;
        }

        private Func<Func<string, JToken?>, Context, bool> Not()
        {
            if (Accept("NOT"))
            {
                var inner = Not();
                return (value, context) => !inner(value, context);
            }
            if (Accept("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }
            return Comparison();
        }

        private Func<Func<string, JToken?>, Context, bool> Comparison()
        {
            var field = Field();
            var op = Take().ToUpperInvariant();
            if (op == "NOT")
                op = "NOT " + Take().ToUpperInvariant();
            if (op is "IN" or "NOT IN")
            {
                Expect("(");
                var values = new List<Func<Context, JToken>>();
                do
                    values.Add(Value());
                while (Accept(","));
                Expect(")");
                var negate = op == "NOT IN";
                return (value, context) => values.Any(v => Compare(value(field), v(context)) == 0) != negate;
            }
            var operand = Value();
            return op switch
            {
                "=" => (value, context) => Compare(value(field), operand(context)) == 0,
                "<>" => (value, context) => Compare(value(field), operand(context)) != 0,
                "<" => (value, context) => Compare(value(field), operand(context)) < 0,
                ">" => (value, context) => Compare(value(field), operand(context)) > 0,
                "<=" => (value, context) => Compare(value(field), operand(context)) <= 0,
                ">=" => (value, context) => Compare(value(field), operand(context)) >= 0,
                "CONTAINS" => (value, context) => Text(value(field) ?? "").Contains(Text(operand(context)), StringComparison.OrdinalIgnoreCase),
                "NOT CONTAINS" => (value, context) => !Text(value(field) ?? "").Contains(Text(operand(context)), StringComparison.OrdinalIgnoreCase),
                "UNDER" => (value, context) => Under(Text(value(field) ?? ""), Text(operand(context))),
                "NOT UNDER" => (value, context) => !Under(Text(value(field) ?? ""), Text(operand(context))),
                _ => throw new FormatException($"The operator '{op}' after [{field}] is not one the embedded ADO evaluates."),
            };
        }

        private static bool Under(string path, string root) =>
            path.Equals(root, StringComparison.OrdinalIgnoreCase) || path.StartsWith(root + "\\", StringComparison.OrdinalIgnoreCase);

        private Func<Context, JToken> Value()
        {
            var token = Take();
            if (token.StartsWith('\''))
            {
                var text = token[1..^1].Replace("''", "'");
                return _ => text;
            }
            if (token.Equals("@project", StringComparison.OrdinalIgnoreCase))
                return context => context.Project ?? "";
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return _ => number;
            throw new FormatException($"'{token}' is not a value the embedded ADO evaluates (a number, a 'string' or @project).");
        }

        /// <summary>A field reference: <c>[System.State]</c>, or <c>[Source].[System.State]</c> in a link query (named <c>Source.System.State</c>).</summary>
        private string Field()
        {
            var token = Take();
            if (!token.StartsWith('['))
                throw new FormatException($"Expecting a field in brackets, such as [System.Id], not '{token}'.");
            var name = token[1..^1];
            if ((name.Equals("Source", StringComparison.OrdinalIgnoreCase) || name.Equals("Target", StringComparison.OrdinalIgnoreCase)) && Accept("."))
                return name + "." + Take().Trim('[', ']');
            return name;
        }

        private string Take() =>
            _next < _tokens.Count ? _tokens[_next++] : throw new FormatException("The query ends early.");

        private bool Accept(string token)
        {
            if (_next < _tokens.Count && _tokens[_next].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                _next++;
                return true;
            }
            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
                throw new FormatException($"Expecting '{token}'{(_next < _tokens.Count ? $", not '{_tokens[_next]}'" : " at the end")}.");
        }

        // Literals ('…' with '' inside), bracketed names, numbers, macros, words, operators and punctuation.
        [GeneratedRegex(@"'(?:[^']|'')*'|\[[^\]]*\]|-?\d+(?:\.\d+)?|@\w+|\w+|<>|<=|>=|[=<>(),.]")]
        private static partial Regex Token();
    }
}
