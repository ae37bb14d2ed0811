#include "model_weights_bridge.h"

#include <filesystem>
#include <stdexcept>

#include "checkpoint_io.h"
#include "config_io.h"
#include "language_model_impl.h"
#include "random_generator.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

quant::Shape shapeOf(const torch::Tensor &t)
{
    return quant::Shape(t.sizes().begin(), t.sizes().end());
}

} // namespace

std::shared_ptr<const quant::DecodeModel> buildDecodeModel(const LanguageModel &model,
                                                           quant::Precision precision)
{
    LanguageModel::Impl &impl = model.impl();
    if (!impl.device.is_cpu())
        throw std::invalid_argument("the decode kernels run on the CPU; this model is on " +
                                    impl.device.str() + " (load it with --device cpu)");
    torch::OrderedDict<std::string, torch::Tensor> parameters = impl.gpt->named_parameters();
    for (const auto &item : parameters)
        if (!item.value().is_contiguous() || item.value().scalar_type() != torch::kFloat32)
            throw std::invalid_argument("tensor '" + item.key() + "' is not contiguous fp32");
    const quant::TensorLookup lookup = [&parameters](const std::string &name) {
        const torch::Tensor *t = parameters.find(name);
        if (!t)
            throw std::runtime_error("the model has no tensor '" + name + "'");
        return quant::TensorView{t->data_ptr<float>(), shapeOf(*t)};
    };
    // The shared Impl owns the tensors the fp32 decode path reads in place.
    return std::make_shared<const quant::DecodeModel>(model.config(), lookup, precision,
                                                      model.keepAlive());
}

quant::ModelWeights copyWeights(const LanguageModel &model)
{
    quant::ModelWeights weights;
    weights.config = model.config();
    for (const auto &item : model.impl().gpt->named_parameters()) {
        const torch::Tensor cpu =
            item.value().detach().to(torch::kCPU, torch::kFloat32).contiguous();
        weights.tensors.push_back(
            {item.key(), shapeOf(cpu),
             std::vector<float>(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel())});
    }
    return weights;
}

LanguageModel modelFromWeights(const quant::ModelWeights &weights)
{
    quant::requireComplete(weights, "weights");
    LanguageModel model = LanguageModel::create(weights.config, 0, "cpu");
    torch::NoGradGuard noGrad;
    for (auto &item : model.impl().gpt->named_parameters()) {
        const quant::NamedTensor *source = weights.find(item.key());
        item.value().copy_(torch::from_blob(const_cast<float *>(source->values.data()),
                                            item.value().sizes(), torch::kFloat32));
    }
    return model;
}

std::string saveWeightsAsCheckpoint(const std::string &runDir, const RunConfig &config,
                                    const quant::ModelWeights &weights, std::int64_t step)
{
    const LanguageModel model = modelFromWeights(weights);
    fs::create_directories(runDir);
    writeFileAtomically((fs::path(runDir) / "config.txt").string(), formatConfig(config));
    CheckpointContents contents;
    contents.config = config;
    contents.state.step = step;
    contents.model = model.impl().gpt;
    // An imported model has no training behind it here: training from it draws its dropout from
    // a generator seeded like a new run's.
    contents.generator = makeRandomGenerator(torch::kCPU, config.train.seed);
    return saveCheckpoint(runDir, contents);
}

} // namespace azllm
