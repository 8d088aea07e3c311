using System.Collections.Concurrent;
using Microsoft.ML;

namespace Extract.Learning;

/// <summary>
/// The library's ML.NET plumbing, shared by every learned decision (page blocks, entity candidates, achievements,
/// actors): one seeded <see cref="MLContext"/> per model, a model read from a stream (an embedded resource or a caller's
/// file), and a pool of prediction engines so that one immutable model serves many threads. <see cref="PredictionEngine{TSrc,TDst}"/>
/// is not thread-safe; a thread rents one for a whole document and gives it back, so engines are never shared while in use.
/// A model read from its flat form (<see cref="FlatTrees"/>) has its <see cref="Trees"/> at once and loads ML.NET only
/// if a caller asks for the engine, the context or the schema (the tests' reference scores, the trainers): ML.NET stays
/// off the run-time path.
/// </summary>
/// <typeparam name="TInput">The schema class the model reads (one class shared by training and use).</typeparam>
/// <typeparam name="TOutput">The schema class the model's scores are read into.</typeparam>
internal sealed class LearnedModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    /// <summary>The seed of every context the library creates: training and use reproduce run to run.</summary>
    public const int Seed = 20260;

    private readonly Lazy<MlModel> _ml;
    private readonly Lazy<FastTreeScorer?> _trees;

    private LearnedModel(Lazy<MlModel> ml, Lazy<FastTreeScorer?> trees, string name)
    {
        _ml = ml;
        _trees = trees;
        Name = name;
    }

    /// <summary>The name the model was loaded under (its resource name or file), for error messages.</summary>
    public string Name { get; }

    /// <summary>The context the model was loaded into (a flat model loads its zip for it).</summary>
    public MLContext Context => _ml.Value.Context;

    /// <summary>The loaded pipeline; <see cref="ITransformer.Transform"/> is thread-safe.</summary>
    public ITransformer Transformer => _ml.Value.Transformer;

    /// <summary>The input schema the model was saved with.</summary>
    public DataViewSchema InputSchema => _ml.Value.Schema;

    /// <summary>A new context with the library's seed: the one way the library and its trainers create one.</summary>
    public static MLContext CreateContext(int seed = Seed) => new(seed);

    /// <summary>Loads a model saved by <c>MLContext.Model.Save</c>; a stream that is not one throws naming <paramref name="name"/>.</summary>
    public static LearnedModel<TInput, TOutput> FromStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ml = MlModel.Load(stream, name);
        return new LearnedModel<TInput, TOutput>(
            new Lazy<MlModel>(ml),
            new Lazy<FastTreeScorer?>(() => FastTreeScorer.From(ml.Transformer), LazyThreadSafetyMode.ExecutionAndPublication),
            name);
    }

    /// <summary>
    /// A model read from its flat form: <paramref name="trees"/> score at once; <paramref name="zip"/> (null: none) opens
    /// the ML.NET zip it was made from, read only when a caller asks for the engine, context or schema.
    /// </summary>
    public static LearnedModel<TInput, TOutput> FromFlat(FastTreeScorer trees, string name, Func<Stream>? zip)
    {
        ArgumentNullException.ThrowIfNull(trees);
        return new LearnedModel<TInput, TOutput>(
            new Lazy<MlModel>(
                () =>
                {
                    if (zip is null)
                    {
                        throw new InvalidOperationException($"Model '{name}' was read from its flat form alone; ML.NET's engine needs the zip it was made from.");
                    }

                    using var stream = zip();
                    return MlModel.Load(stream, name);
                },
                LazyThreadSafetyMode.ExecutionAndPublication),
            new Lazy<FastTreeScorer?>(trees),
            name);
    }

    /// <summary>The model's flat trees: read from the flat form, or out of a FastTree binary zip (<see cref="FastTreeScorer.From"/>); else null.</summary>
    public FastTreeScorer? Trees => _trees.Value;

    /// <summary>Takes an engine from the pool (or makes one); give it back with <see cref="Return"/> when the document is done.</summary>
    public PredictionEngine<TInput, TOutput> Rent() => _ml.Value.Rent();

    /// <summary>Puts an engine back; beyond the pool's size it is disposed.</summary>
    public void Return(PredictionEngine<TInput, TOutput> engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _ml.Value.Return(engine);
    }

    /// <summary>Scores rows in one batch through <see cref="ITransformer.Transform"/> (no engine): the alternative to pooled engines, for measurement.</summary>
    public IEnumerable<TOutput> Transform(IEnumerable<TInput> rows)
    {
        var ml = _ml.Value;
        var data = ml.Context.Data.LoadFromEnumerable(rows);
        return ml.Context.Data.CreateEnumerable<TOutput>(ml.Transformer.Transform(data), reuseRowObject: false, ignoreMissingColumns: true);
    }

    // The ML.NET side of a model: context, pipeline, schema and the engine pool, in a class of its own so that a flat
    // model never touches ML.NET's types until asked.
    private sealed class MlModel(MLContext context, ITransformer transformer, DataViewSchema schema)
    {
        private readonly ConcurrentBag<PredictionEngine<TInput, TOutput>> _engines = [];
        private readonly int _maxPooled = Math.Max(4, Environment.ProcessorCount * 2);

        public MLContext Context { get; } = context;

        public ITransformer Transformer { get; } = transformer;

        public DataViewSchema Schema { get; } = schema;

        public static MlModel Load(Stream stream, string name)
        {
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
                return new MlModel(context, transformer, schema);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"Model resource '{name}' is corrupt or not an ML.NET model: {e.GetType().Name}: {e.Message}", e);
            }
        }

        public PredictionEngine<TInput, TOutput> Rent() =>
            _engines.TryTake(out var engine) ? engine : Context.Model.CreatePredictionEngine<TInput, TOutput>(Transformer, ignoreMissingColumns: true);

        public void Return(PredictionEngine<TInput, TOutput> engine)
        {
            if (_engines.Count < _maxPooled)
            {
                _engines.Add(engine);
            }
            else
            {
                engine.Dispose();
            }
        }
    }
}
