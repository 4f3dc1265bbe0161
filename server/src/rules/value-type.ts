import { defineServiceRule } from '../analysis/rule';
import { fixOf, locatedAt } from '../analysis/fixHelpers';
import { replaceNode } from '../document/edits';
import { service as serviceSchema } from '../kubernetes/schema/service';
import { typeAdvice, type TypeAdviceData } from '../kubernetes/schema/typeAdvice';
import { walkObject } from '../kubernetes/schema/walk';

/**
 * kube-apiserver decodes the JSON that kubectl sends into the typed v1 Service with sigs.k8s.io/json
 * (a fork of encoding/json); a value of the wrong JSON type fails the whole request with encoding/json's
 * UnmarshalTypeError text: `Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string
 * into Go struct field ServicePort.spec.ports.port of type int32`. Types are judged as kubectl's YAML 1.1
 * conversion produces them, so `enabled: yes` is a boolean and `targetPort: "8080"` is a (badly named) string.
 */
export const valueType = defineServiceRule<TypeAdviceData>({
  id: 'value-type',
  defaultSeverity: 'error',
  description: 'A value of the wrong type (a quoted number for a port, a list for the selector...) makes the API server reject the Service.',
  crossResource: false,
  // Strict decoding of what is written; the schema walk already skips merge keys and patch directives.
  partialSafe: true,
  check(service, ctx) {
    for (const mismatch of walkObject(service, serviceSchema).mismatches) {
      const advice = typeAdvice(mismatch);
      ctx.report({ span: mismatch.span, message: `${mismatch.message}\n${advice.sentence}`, data: advice.data });
    }
  },
  /**
   * The three mechanical repairs the rule's data names, each keeping the value the user wrote, only in the type the
   * API expects (safe): unquote a number (`port: "80"`), unquote a boolean (`"true"`), quote a YAML 1.1 boolean word
   * or a number where a string belongs (`yes` → `"yes"`).
   */
  fixes(ctx) {
    const { data } = ctx;
    const located = locatedAt(ctx);
    if (!located || located.kind === 'key') return [];
    const replace = (text: string) => replaceNode(ctx.chunk, located.node, text);
    if (typeof data.number === 'number')
      return fixOf(`Remove the quotes (${data.number} is a number)`, [replace(String(data.number))], { safe: true, preferred: true });
    if (typeof data.boolean === 'boolean')
      return fixOf(`Remove the quotes (${data.boolean} is a boolean)`, [replace(String(data.boolean))], { safe: true, preferred: true });
    if (typeof data.text === 'string') return fixOf(`Quote it ("${data.text}" is text)`, [replace(JSON.stringify(data.text))], { safe: true, preferred: true });
    return [];
  },
});
