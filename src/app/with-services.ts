/**
 * Hands a Lightning component the services it uses: a subclass that sets `services` as it is
 * created, before Lightning attaches it (the Router and the SDK's Launch create pages and the App
 * from a class, with no arguments of ours). The component declares `declare services: …`; the
 * subclass keeps the component's name.
 */
// A mixin's base must be a constructor of `any[]` (TypeScript's rule for class expressions).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ComponentClass = new (...args: any[]) => { services: unknown }

export function withServices<C extends ComponentClass>(Component: C, services: InstanceType<C>['services']): C {
  const WithServices = class extends Component {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      super(...args)
      this.services = services
    }
  }
  // Its own name, not the subclass's empty one: focus paths and snapshots name components by it.
  try {
    Object.defineProperty(WithServices, 'name', { value: Component.name })
  } catch (error) {
    // A pre-ES2015 engine's function name cannot be redefined: only snapshots would notice.
  }
  return WithServices
}
