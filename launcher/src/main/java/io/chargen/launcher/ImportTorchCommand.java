package io.chargen.launcher;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.LstmWeights;
import io.chargen.model.io.ModelFile;
import io.chargen.model.io.TorchImport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chargen import-torch}: converts the authors' PyTorch weights (an .npz) into a model file. */
@Command(name = "import-torch", mixinStandardHelpOptions = true,
    description = "Import a PyTorch model saved as .npz (lin1, w_ih, w_hh, lin2; float32; gates i,f,g,o).")
final class ImportTorchCommand implements Callable<Integer> {
  @Option(names = "--npz", required = true, description = "The .npz file.")
  Path npz;
  @Option(names = "--labels", required = true,
      description = "Concept labels in input order, one character each, e.g. abcdefghijklmnopqrstuvwxyz or a-z.")
  String labels;
  @Option(names = "--out", required = true, description = "Model file to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    LstmWeights weights = TorchImport.read(npz);
    ConceptSet concepts = ConceptSet.ofCharacters(Letters.join(Letters.parse(labels)));
    if (concepts.size() != weights.concepts()) {
      throw new IllegalArgumentException("--labels gives " + concepts.size() + " concepts but " + npz
          + " has " + weights.concepts() + " input columns");
    }
    CharModel model = new CharModel(concepts, weights, Map.of("trained", "true", "imported_from", npz.toString()));
    ModelFile.write(model, out);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", out.toString());
    json.put("concepts", concepts.labels());
    json.put("hidden", weights.hidden());
    Json.print(json);
    return 0;
  }
}
