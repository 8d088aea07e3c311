using System.Collections.Concurrent;
using Microsoft.ML;

namespace Extract.Learning;

/// <summary>
/// The library's ML.NET plumbing, shared by every learned decision (page blocks now, entity candidates later): one
/// seeded <see cref="MLContext"/> per model, a model read from a stream (an embedded resource or a caller's file), and
/// a pool of prediction engines so that one immutable model serves many threads. <see cref="PredictionEngine{TSrc,TDst}"/>
/// is not thread-safe; a thread rents one for a whole document and gives it back, so engines are never shared while in use.
/// </summary>
/// <typeparam name="TInput">The schema class the model reads (one class shared by training and use).</typeparam>
/// <typeparam name="TOutput">The schema class the model's scores are read into.</typeparam>
internal sealed class LearnedModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    /// <summary>The seed of every context the library creates: training and use reproduce run to run.</summary>
    public const int Seed = 20260;

    private readonly ConcurrentBag<PredictionEngine<TInput, TOutput>> _engines = [];
    private readonly int _maxPooled = Math.Max(4, Environment.ProcessorCount * 2);
    private readonly Lazy<FastTreeScorer?> _trees;

    private LearnedModel(MLContext context, ITransformer transformer, DataViewSchema inputSchema, string name)
    {
        Context = context;
        Transformer = transformer;
        InputSchema = inputSchema;
        Name = name;
        _trees = new(() => FastTreeScorer.From(transformer), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The name the model was loaded under (its resource name or file), for error messages.</summary>
    public string Name { get; }

    /// <summary>The context the model was loaded into.</summary>
    public MLContext Context { get; }

    /// <summary>The loaded pipeline; <see cref="ITransformer.Transform"/> is thread-safe.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The input schema the model was saved with.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>A new context with the library's seed: the one way the library and its trainers create one.</summary>
    public static MLContext CreateContext(int seed = Seed) => new(seed);

    /// <summary>Loads a model saved by <c>MLContext.Model.Save</c>; a stream that is not one throws naming <paramref name="name"/>.</summary>
    public static LearnedModel<TInput, TOutput> FromStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var context = CreateContext();
        try
        {
            // ML.NET reads zip entries by seeking; an embedded resource stream seeks, a network stream might not.
            using var seekable = stream.CanSeek ? null : new MemoryStream();
            if (seekable is not null)
            {
                stream.CopyTo(seekable);
                seekable.Position = 0;
            }

            var transformer = context.Model.Load(seekable ?? stream, out var schema);
            return new LearnedModel<TInput, TOutput>(context, transformer, schema, name);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"Model resource '{name}' is corrupt or not an ML.NET model: {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>Loads a model embedded in the library under <paramref name="logicalName"/>; a missing or corrupt one throws naming it.</summary>
    public static LearnedModel<TInput, TOutput> FromResource(string logicalName)
    {
        using var stream = Resources.EmbeddedResource.Open(logicalName);
        return FromStream(stream, logicalName);
    }

    /// <summary>The model read out as flat trees when it is a FastTree binary model (<see cref="FastTreeScorer.From"/>); else null.</summary>
    public FastTreeScorer? Trees => _trees.Value;

    /// <summary>Takes an engine from the pool (or makes one); give it back with <see cref="Return"/> when the document is done.</summary>
    public PredictionEngine<TInput, TOutput> Rent() =>
        _engines.TryTake(out var engine) ? engine : Context.Model.CreatePredictionEngine<TInput, TOutput>(Transformer, ignoreMissingColumns: true);

    /// <summary>Puts an engine back; beyond the pool's size it is disposed.</summary>
    public void Return(PredictionEngine<TInput, TOutput> engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (_engines.Count < _maxPooled)
        {
            _engines.Add(engine);
        }
        else
        {
            engine.Dispose();
        }
    }

    /// <summary>Scores rows in one batch through <see cref="ITransformer.Transform"/> (no engine): the alternative to pooled engines, for measurement.</summary>
    public IEnumerable<TOutput> Transform(IEnumerable<TInput> rows)
    {
        var data = Context.Data.LoadFromEnumerable(rows);
        return Context.Data.CreateEnumerable<TOutput>(Transformer.Transform(data), reuseRowObject: false, ignoreMissingColumns: true);
    }
}
