// deploy-check validates the operator kit offline, with the projects' own Go types:
//
//	deploy-check dashboard <file.json>   the Grafana dashboard, decoded strictly by the Grafana Foundation SDK
//	                                     (unknown fields, wrong types, missing required fields and bad panel
//	                                     options all fail; panel and query kinds through the SDK's registered plugins)
//	deploy-check k8s <file.yaml>...      every document decoded strictly into the official Kubernetes API types
//	                                     (k8s.io/api) or prometheus-operator's ServiceMonitor: unknown or misspelt
//	                                     fields and wrong types fail, as the API server's strict field validation does
//
// kubeconform was the first choice, but it embeds no schemas (it downloads them from GitHub, unreachable here).
// Built by scripts/setup-deploy-check.mjs into .tools/; run by test/deploy/operator-kit.test.ts.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/cog/plugins"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: deploy-check dashboard <file.json> | deploy-check k8s <file.yaml>...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "dashboard":
		err = checkDashboard(os.Args[2])
	case "k8s":
		for _, f := range os.Args[2:] {
			if e := checkManifests(f); e != nil {
				err = errors.Join(err, e)
			}
		}
	default:
		err = fmt.Errorf("unknown check %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func checkDashboard(file string) error {
	raw, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	plugins.RegisterDefaultPlugins()
	var d dashboard.Dashboard
	if err := nonEmpty(d.UnmarshalJSONStrict(raw)); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if err := nonEmpty(d.Validate()); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	fmt.Printf("%s: valid dashboard %q, %d panels\n", file, derefOr(d.Title, ""), len(d.Panels))
	return nil
}

// nonEmpty: the SDK returns its error list as an error even when the list is empty.
func nonEmpty(err error) error {
	var list cog.BuildErrors
	if errors.As(err, &list) && len(list) == 0 {
		return nil
	}
	return err
}

func derefOr(s *string, def string) string {
	if s == nil {
		return def
	}
	return *s
}

// target returns an empty object of the document's kind, or nil for a kind this check does not know.
func target(apiVersion, kind string) any {
	switch apiVersion + "/" + kind {
	case "apps/v1/Deployment":
		return &appsv1.Deployment{}
	case "policy/v1/PodDisruptionBudget":
		return &policyv1.PodDisruptionBudget{}
	case "v1/ConfigMap":
		return &corev1.ConfigMap{}
	case "v1/Secret":
		return &corev1.Secret{}
	case "v1/Service":
		return &corev1.Service{}
	case "v1/ServiceAccount":
		return &corev1.ServiceAccount{}
	case "monitoring.coreos.com/v1/ServiceMonitor":
		return &monitoringv1.ServiceMonitor{}
	}
	return nil
}

func checkManifests(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	r := utilyaml.NewYAMLReader(bufio.NewReader(f))
	var errs error
	for n := 1; ; n++ {
		doc, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: document %d: %w", file, n, err)
		}
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		var meta struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
			Metadata   struct {
				Name string `json:"name"`
			} `json:"metadata"`
		}
		if err := yaml.Unmarshal(doc, &meta); err != nil {
			errs = errors.Join(errs, fmt.Errorf("%s: document %d: %w", file, n, err))
			continue
		}
		obj := target(meta.APIVersion, meta.Kind)
		if obj == nil {
			errs = errors.Join(errs, fmt.Errorf("%s: document %d: unknown kind %s %s", file, n, meta.APIVersion, meta.Kind))
			continue
		}
		if err := yaml.UnmarshalStrict(doc, obj); err != nil {
			errs = errors.Join(errs, fmt.Errorf("%s: %s %s: %w", file, meta.Kind, meta.Metadata.Name, err))
			continue
		}
		if meta.Metadata.Name == "" {
			errs = errors.Join(errs, fmt.Errorf("%s: document %d: %s without metadata.name", file, n, meta.Kind))
			continue
		}
		fmt.Printf("%s: valid %s %s\n", file, meta.Kind, meta.Metadata.Name)
	}
	return errs
}
