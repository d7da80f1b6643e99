import { layerLabels, type MapLayer, mapLayers } from '../utils/layers.ts';
import './map-layers.css';

/** The map toolbar's layer toggles: event sources, load balancers, backing resources. */
export function LayerToggles({
  selected,
  onChange,
}: {
  selected: readonly MapLayer[];
  onChange: (layers: MapLayer[]) => void;
}) {
  const chosen = new Set(selected);
  const toggle = (layer: MapLayer) =>
    onChange(mapLayers.filter((l) => (l === layer ? !chosen.has(l) : chosen.has(l))));
  return (
    <fieldset className="layer-toggles">
      <legend className="layer-toggles__legend">Layers</legend>
      {mapLayers.map((layer) => (
        <button
          key={layer}
          type="button"
          className={`layer-toggles__option layer-toggles__option--${layer}`}
          aria-pressed={chosen.has(layer)}
          title={layerLabels[layer].description}
          data-layer={layer}
          onClick={() => toggle(layer)}
        >
          {layerLabels[layer].label}
        </button>
      ))}
    </fieldset>
  );
}
