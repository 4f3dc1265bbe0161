import { serviceRule } from '../analysis/rule';
import { service as serviceSchema } from '../kubernetes/schema/service';
import { typeAdvice } from '../kubernetes/schema/typeAdvice';
import { walkObject } from '../kubernetes/schema/walk';

/**
 * kube-apiserver decodes the JSON that kubectl sends into the typed v1 Service with sigs.k8s.io/json
 * (a fork of encoding/json); a value of the wrong JSON type fails the whole request with encoding/json's
 * UnmarshalTypeError text: `Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string
 * into Go struct field ServicePort.spec.ports.port of type int32`. Types are judged as kubectl's YAML 1.1
 * conversion produces them, so `enabled: yes` is a boolean and `targetPort: "8080"` is a (badly named) string.
 */
export const valueType = serviceRule({
  id: 'value-type',
  defaultSeverity: 'error',
  description: 'A value of the wrong type (a quoted number for a port, a list for the selector...) makes the API server reject the Service.',
  crossResource: false,
  check(service, ctx) {
    for (const mismatch of walkObject(service, serviceSchema).mismatches) {
      const advice = typeAdvice(mismatch);
      ctx.report({ span: mismatch.span, message: `${mismatch.message}\n${advice.sentence}`, data: advice.data });
    }
  },
});
