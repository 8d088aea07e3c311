namespace Extract.Training;

/// <summary>Entry point of the training and data-compilation tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Extract.Training <command> [options]   (commands: compile-jieba, bench-seg, segment, eval-seg, eval-page, train-page)");
            return 2;
        }

        return args[0] switch
        {
            "compile-jieba" => JiebaCompiler.Run(args[1..]),
            "bench-seg" => SegBenchmark.Run(args[1..]),
            "segment" => SegmentCommand.Run(args[1..]),
            "eval-seg" => SegmentCommand.Evaluate(args[1..]),
            "eval-specs" => EvalSpecsCommand.Run(args),
            "compile-gazetteer" => CompileGazetteerCommand.Run(args[1..]),
            "score-entities" => ScoreSeedsCommand.Run(args[1..]),
            "eval-ner" => EvalNerCommand.Run(args[1..]),
            "eval-ner-cli" => Ner.EvalNerCliCommand.Run(args[1..]),
            "bench-entities" => EntityLearning.BenchEntitiesCommand.Run(args[1..]),
            "compile-common-words" => CompileCommonWordsCommand.Run(args[1..]),
            "eval-page" => PageEvaluation.EvalPageCommand.Run(args[1..]),
            "show-entities" => ShowEntitiesCommand.Run(args[1..]),
            "compile-opencc" => CompileOpenCcCommand.Run(args[1..]),
            "train-ner" => Ner.TrainNerCommand.Run(args[1..]),
            "bench-ner" => Ner.BenchNerCommand.Run(args[1..]),
            "prune-ner" => Ner.PruneNerCommand.Run(args[1..]),
            "train-entities" => EntityLearning.TrainEntitiesCommand.Run(args[1..]),
            "train-page" => PageLearning.TrainPageCommand.Run(args[1..]),
            "train-achievements" => AchievementLearning.TrainAchievementsCommand.Run(args[1..]),
            "train-actors" => AchievementLearning.TrainActorsCommand.Run(args[1..]),
            "bench-page-model" => PageLearning.BenchPageModelCommand.Run(args[1..]),
            "flatten-trees" => FlattenTreesCommand.Run(args[1..]),
            _ => Unknown(args[0]),
        };
    }

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"unknown command: {command}");
        return 2;
    }
}
