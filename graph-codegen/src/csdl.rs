//! Reading CSDL (`$metadata`) into a [`Metadata`] model: schemas, their
//! entity, complex and enum types, and the entity container.
//!
//! Type references are resolved to qualified names here (`graph.user` and
//! `self.alert` through the schemas' aliases), so nothing later needs to know
//! about aliases.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::checked::{self, shown};

/// Namespaces and aliases CSDL keeps for itself.
const RESERVED_NAMESPACES: &[&str] = &["Edm", "odata", "System", "Transient"];

const EDM_NS: &str = "http://docs.oasis-open.org/odata/ns/edm";
const DESCRIPTION: &str = "Org.OData.Core.V1.Description";
const COMPUTED: &str = "Org.OData.Core.V1.Computed";

/// Why metadata could not be read.
#[derive(Debug)]
pub struct CsdlError(String);

impl fmt::Display for CsdlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CsdlError {}

/// A whole metadata document.
#[derive(Debug, Default)]
pub struct Metadata {
    /// Namespaces in document order.
    pub namespaces: Vec<String>,
    /// Entity and complex types by qualified name.
    pub structs: BTreeMap<String, StructType>,
    /// Enum types by qualified name.
    pub enums: BTreeMap<String, EnumType>,
    /// Entity sets, in document order.
    pub entity_sets: Vec<ContainerItem>,
    /// Singletons, in document order.
    pub singletons: Vec<ContainerItem>,
    /// Out-of-line capability restrictions, by target (`ns.type/navProp`,
    /// `ns.Container/set`).
    pub restrictions: BTreeMap<String, Restrictions>,
    /// Bound actions and functions, in document order (unbound ones are
    /// reached through the container's imports, which are not generated).
    pub operations: Vec<BoundOperation>,
}

/// A bound `<Action>` or `<Function>`.
#[derive(Debug)]
pub struct BoundOperation {
    /// `true` for an action (POST with a JSON body), `false` for a
    /// function (GET with its parameters in the URL).
    pub action: bool,
    pub namespace: String,
    /// `sendMail`.
    pub name: String,
    /// The binding parameter's type: the entity, or a collection of it.
    pub binding: TypeRef,
    /// The other parameters, in order.
    pub parameters: Vec<Parameter>,
    pub returns: Option<ReturnType>,
    /// `IsComposable="true"`: the result can be queried further (paged).
    pub composable: bool,
}

/// A parameter of an operation.
#[derive(Debug)]
pub struct Parameter {
    pub name: String,
    pub ty: TypeRef,
    pub nullable: bool,
}

/// An operation's `<ReturnType>`.
#[derive(Debug)]
pub struct ReturnType {
    pub ty: TypeRef,
    pub nullable: bool,
}

/// `Insertable`, `Updatable`, `Deletable` set to `false` by the
/// `Org.OData.Capabilities.V1` annotations.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Restrictions {
    pub not_insertable: bool,
    pub not_updatable: bool,
    pub not_deletable: bool,
}

/// Entity type or complex type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructKind {
    Entity,
    Complex,
}

/// An entity or complex type.
#[derive(Debug)]
pub struct StructType {
    pub kind: StructKind,
    /// `microsoft.graph.user`.
    pub qualified: String,
    pub namespace: String,
    /// `user`.
    pub name: String,
    /// Qualified name of the base type.
    pub base: Option<String>,
    pub is_abstract: bool,
    pub open: bool,
    /// `HasStream="true"`: a media entity, whose content is read and
    /// replaced at `{item}/$value` (a profile photo).
    pub has_stream: bool,
    /// The key's property names, when this type declares its own key.
    pub key: Vec<String>,
    pub properties: Vec<Property>,
    pub navigation: Vec<NavigationProperty>,
    pub description: Option<String>,
}

/// A structural property.
#[derive(Debug)]
pub struct Property {
    pub name: String,
    pub ty: TypeRef,
    pub nullable: bool,
    /// `Org.OData.Core.V1.Computed`: set by the service.
    pub computed: bool,
    pub description: Option<String>,
}

/// A navigation property.
#[derive(Debug)]
pub struct NavigationProperty {
    pub name: String,
    pub ty: TypeRef,
    /// `ContainsTarget="true"`: the targets live under this property's path.
    pub contains_target: bool,
    pub description: Option<String>,
}

/// A property's type: a qualified name (`Edm.String`,
/// `microsoft.graph.emailAddress`), maybe a collection of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRef {
    pub name: String,
    pub collection: bool,
}

/// An enum type.
#[derive(Debug)]
pub struct EnumType {
    pub qualified: String,
    pub namespace: String,
    pub name: String,
    pub flags: bool,
    pub members: Vec<EnumMember>,
    pub description: Option<String>,
}

#[derive(Debug)]
pub struct EnumMember {
    pub name: String,
    pub value: Option<i64>,
    pub description: Option<String>,
}

/// An entity set or singleton.
#[derive(Debug)]
pub struct ContainerItem {
    pub name: String,
    /// Qualified name of the entity type.
    pub ty: String,
    pub description: Option<String>,
    /// `ns.Container/name`, where out-of-line annotations point.
    pub target: String,
}

impl Metadata {
    /// Parses a CSDL document (`$metadata`, with or without a byte-order
    /// mark).
    ///
    /// Every name is checked against CSDL's rules (SimpleIdentifier,
    /// QualifiedName) and every reference to a base type, an entity set's
    /// type or a singleton's type must resolve; names declared twice in one
    /// scope, base cycles and the limits of [`crate::checked`] (XML depth,
    /// size, inheritance depth) are errors naming the element and its line.
    pub fn parse(text: &str) -> Result<Metadata, CsdlError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() as u64 > checked::MAX_METADATA_BYTES {
            return Err(CsdlError(format!(
                "the document is {} bytes, more than the {} graph-codegen reads",
                text.len(),
                checked::MAX_METADATA_BYTES
            )));
        }
        // roxmltree recurses as elements nest: refuse a hostile depth first.
        if let Err(line) = checked::check_xml_depth(text, checked::MAX_XML_DEPTH) {
            return Err(CsdlError(format!(
                "elements at line {line} nest deeper than {} levels, more than CSDL needs",
                checked::MAX_XML_DEPTH
            )));
        }
        let options = roxmltree::ParsingOptions {
            allow_dtd: false,
            // The whole v1.0 file is one document of ~5M nodes.
            nodes_limit: u32::MAX,
        };
        let doc = roxmltree::Document::parse_with_options(text, options)
            .map_err(|error| CsdlError(format!("not well-formed XML: {error}")))?;
        let schemas: Vec<_> = doc
            .descendants()
            .filter(|node| node.has_tag_name((EDM_NS, "Schema")))
            .collect();
        if schemas.is_empty() {
            return Err(CsdlError(
                "no <Schema> element in the edm namespace: is this a CSDL $metadata document?"
                    .into(),
            ));
        }
        let mut aliases = BTreeMap::new();
        let mut metadata = Metadata::default();
        for schema in &schemas {
            let namespace = qualified_attribute(schema, "Namespace")?;
            if metadata.namespaces.iter().any(|n| n == namespace) {
                return Err(element_error(
                    schema,
                    &format!("declares the namespace {} a second time", shown(namespace)),
                ));
            }
            if RESERVED_NAMESPACES.contains(&namespace) {
                return Err(element_error(
                    schema,
                    &format!("declares the namespace `{namespace}`, which CSDL reserves"),
                ));
            }
            if let Some(alias) = optional_name(schema, "Alias")? {
                if RESERVED_NAMESPACES.contains(&alias) {
                    return Err(element_error(
                        schema,
                        &format!(
                            "has the alias `{alias}`, which CSDL reserves (it would retype \
                             every `{alias}.` name of the document)"
                        ),
                    ));
                }
                if aliases
                    .insert(alias.to_owned(), namespace.to_owned())
                    .is_some()
                {
                    return Err(element_error(
                        schema,
                        &format!("declares the alias {} a second time", shown(alias)),
                    ));
                }
            }
            metadata.namespaces.push(namespace.to_owned());
        }
        for schema in &schemas {
            if let Some(alias) = schema.attribute("Alias") {
                if metadata.namespaces.iter().any(|n| n == alias) {
                    return Err(element_error(
                        schema,
                        &format!(
                            "has the alias `{alias}`, which is also a namespace of the document: \
                             a name starting `{alias}.` could mean either"
                        ),
                    ));
                }
            }
        }
        let resolver = Resolver { aliases };
        // Out-of-line annotations first, so types can take their
        // descriptions as they are read.
        let mut descriptions = BTreeMap::new();
        let mut computed = std::collections::BTreeSet::new();
        for schema in &schemas {
            for annotations in children(schema, "Annotations") {
                let target = resolver.target(required(&annotations, "Target")?);
                read_annotations(
                    &annotations,
                    &target,
                    &mut descriptions,
                    &mut computed,
                    &mut metadata.restrictions,
                );
            }
        }
        // Qualified type name -> where it is declared (a byte offset: a line
        // is counted only for an error, since counting scans the text).
        let mut declared: BTreeMap<String, usize> = BTreeMap::new();
        for schema in &schemas {
            let namespace = required(schema, "Namespace")?.to_owned();
            for node in schema.children().filter(roxmltree::Node::is_element) {
                if matches!(
                    node.tag_name().name(),
                    "EntityType" | "ComplexType" | "EnumType"
                ) {
                    let name = name_attribute(&node, "Name")?;
                    let qualified = format!("{namespace}.{name}");
                    if let Some(first) = declared.insert(qualified, node.range().start) {
                        let first = doc.text_pos_at(first).row;
                        return Err(element_error(
                            &node,
                            &format!(
                                "declares the type {} of `{namespace}` a second time (first at line {first})",
                                shown(name)
                            ),
                        ));
                    }
                }
                match node.tag_name().name() {
                    "EntityType" | "ComplexType" => {
                        let kind = if node.tag_name().name() == "EntityType" {
                            StructKind::Entity
                        } else {
                            StructKind::Complex
                        };
                        let ty = read_struct(
                            &node,
                            kind,
                            &namespace,
                            &resolver,
                            &mut descriptions,
                            &mut computed,
                            &mut metadata.restrictions,
                        )?;
                        metadata.structs.insert(ty.qualified.clone(), ty);
                    }
                    "EnumType" => {
                        let ty = read_enum(&node, &namespace, &mut descriptions)?;
                        metadata.enums.insert(ty.qualified.clone(), ty);
                    }
                    "Action" | "Function" if node.attribute("IsBound") == Some("true") => {
                        let operation = read_operation(&node, &namespace, &resolver)?;
                        // An action is bound by its name and binding type
                        // alone (functions may be overloaded by parameters).
                        let clash = operation.action
                            && metadata.operations.iter().any(|other| {
                                other.action
                                    && other.namespace == operation.namespace
                                    && other.name == operation.name
                                    && other.binding == operation.binding
                            });
                        if clash {
                            return Err(element_error(
                                &node,
                                &format!(
                                    "binds a second action `{namespace}.{}` to `{}`: OData binds \
                                     an action by its name and binding type only",
                                    operation.name, operation.binding.name
                                ),
                            ));
                        }
                        metadata.operations.push(operation);
                    }
                    "EntityContainer" => {
                        let container = format!("{namespace}.{}", name_attribute(&node, "Name")?);
                        let mut names = BTreeSet::new();
                        for item in node.children().filter(roxmltree::Node::is_element) {
                            let (list, type_attr) = match item.tag_name().name() {
                                "EntitySet" => (&mut metadata.entity_sets, "EntityType"),
                                "Singleton" => (&mut metadata.singletons, "Type"),
                                _ => continue,
                            };
                            let name = name_attribute(&item, "Name")?.to_owned();
                            if !names.insert(name.clone()) {
                                return Err(element_error(
                                    &item,
                                    &format!(
                                        "declares {} a second time in `{container}`",
                                        shown(&name)
                                    ),
                                ));
                            }
                            let target = format!("{container}/{name}");
                            let mut own = BTreeMap::new();
                            read_annotations(
                                &item,
                                &target,
                                &mut own,
                                &mut computed,
                                &mut metadata.restrictions,
                            );
                            let description =
                                own.remove(&target).or_else(|| descriptions.remove(&target));
                            let ty = resolver.type_ref(&item, type_attr)?;
                            if ty.collection {
                                return Err(element_error(
                                    &item,
                                    &format!("has a collection as its {type_attr}; write the entity type"),
                                ));
                            }
                            list.push(ContainerItem {
                                name,
                                ty: ty.name,
                                description,
                                target,
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
        check_bases(&metadata, &|qualified| {
            declared
                .get(qualified)
                .map_or(0, |&offset| doc.text_pos_at(offset).row)
        })?;
        Ok(metadata)
    }

    /// The type and its bases, nearest first.
    pub fn ancestors<'a>(&'a self, qualified: &str) -> Vec<&'a StructType> {
        let mut chain = Vec::new();
        let mut next = self.structs.get(qualified);
        while let Some(ty) = next {
            if chain
                .iter()
                .any(|seen: &&StructType| seen.qualified == ty.qualified)
            {
                break; // a base cycle; reported by whoever needs the chain
            }
            chain.push(ty);
            next = ty.base.as_deref().and_then(|base| self.structs.get(base));
        }
        chain
    }
}

struct Resolver {
    aliases: BTreeMap<String, String>,
}

impl Resolver {
    /// `graph.user` -> `microsoft.graph.user` (a name that is not a
    /// QualifiedName is kept as it is: it only serves to look things up).
    fn name(&self, name: &str) -> String {
        match name.rsplit_once('.') {
            Some((prefix, local)) => match self.aliases.get(prefix) {
                Some(namespace) => format!("{namespace}.{local}"),
                None => name.to_owned(),
            },
            None => name.to_owned(),
        }
    }

    /// The type `attribute` of `node` names: a QualifiedName, or
    /// `Collection(` one `)` (CSDL has no collections of collections).
    fn type_ref(&self, node: &roxmltree::Node, attribute: &str) -> Result<TypeRef, CsdlError> {
        let written = required(node, attribute)?;
        let (inner, collection) = match written
            .strip_prefix("Collection(")
            .and_then(|rest| rest.strip_suffix(')'))
        {
            Some(inner) => (inner, true),
            None => (written, false),
        };
        if !checked::is_qualified_name(inner) {
            return Err(element_error(
                node,
                &format!(
                    "has {attribute}={}, which is not a qualified type name \
                     (`namespace.type`, or `Collection(namespace.type)`)",
                    shown(written)
                ),
            ));
        }
        Ok(TypeRef {
            name: self.name(inner),
            collection,
        })
    }

    /// `graph.user/displayName` -> `microsoft.graph.user/displayName`.
    fn target(&self, target: &str) -> String {
        match target.split_once('/') {
            Some((head, rest)) => format!("{}/{rest}", self.name(head)),
            None => self.name(target),
        }
    }
}

fn children<'a, 'input>(
    node: &roxmltree::Node<'a, 'input>,
    tag: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> {
    node.children()
        .filter(move |child| child.has_tag_name((EDM_NS, tag)))
}

fn required<'a>(node: &roxmltree::Node<'a, '_>, attribute: &str) -> Result<&'a str, CsdlError> {
    node.attribute(attribute)
        .ok_or_else(|| element_error(node, &format!("has no {attribute}=\"...\"")))
}

/// `attribute` of `node`, which must be a CSDL SimpleIdentifier.
fn name_attribute<'a>(
    node: &roxmltree::Node<'a, '_>,
    attribute: &str,
) -> Result<&'a str, CsdlError> {
    let name = required(node, attribute)?;
    check_name(node, attribute, name)?;
    Ok(name)
}

fn optional_name<'a>(
    node: &roxmltree::Node<'a, '_>,
    attribute: &str,
) -> Result<Option<&'a str>, CsdlError> {
    match node.attribute(attribute) {
        Some(name) => check_name(node, attribute, name).map(|()| Some(name)),
        None => Ok(None),
    }
}

/// `Err` unless `name`, the value of `attribute`, is a SimpleIdentifier.
fn check_name(node: &roxmltree::Node, attribute: &str, name: &str) -> Result<(), CsdlError> {
    if checked::is_simple_identifier(name) {
        return Ok(());
    }
    Err(name_error(node, attribute, name))
}

/// `attribute` of `node` holds `name`, which is not a SimpleIdentifier.
fn name_error(node: &roxmltree::Node, attribute: &str, name: &str) -> CsdlError {
    element_error(
        node,
        &format!(
            "has {attribute}={}, which is not a CSDL SimpleIdentifier: write a letter or `_` \
             followed by letters, digits or `_`, {} characters at most",
            shown(name),
            checked::MAX_IDENTIFIER_CHARS
        ),
    )
}

/// `attribute` of `node`, which must be a CSDL QualifiedName (a namespace).
fn qualified_attribute<'a>(
    node: &roxmltree::Node<'a, '_>,
    attribute: &str,
) -> Result<&'a str, CsdlError> {
    let name = required(node, attribute)?;
    if checked::is_qualified_name(name) {
        return Ok(name);
    }
    Err(element_error(
        node,
        &format!(
            "has {attribute}={}, which is not a CSDL namespace: write SimpleIdentifiers \
             joined by dots (`microsoft.graph`)",
            shown(name)
        ),
    ))
}

fn line_of(node: &roxmltree::Node) -> u32 {
    node.document().text_pos_at(node.range().start).row
}

/// An error about `node`: `<Property Name="x"> at line 12 {what}`.
fn element_error(node: &roxmltree::Node, what: &str) -> CsdlError {
    let name = node
        .attribute("Name")
        .or_else(|| node.attribute("Namespace"))
        .map(|name| format!(" {}", shown(name)))
        .unwrap_or_default();
    CsdlError(format!(
        "<{}{name}> at line {} {what}",
        node.tag_name().name(),
        line_of(node)
    ))
}

/// Every base type exists and is of the same kind, no type derives from
/// itself, and no chain of bases is deeper than
/// [`checked::MAX_INHERITANCE_DEPTH`].
fn check_bases(metadata: &Metadata, line: &dyn Fn(&str) -> u32) -> Result<(), CsdlError> {
    let at = |qualified: &str| format!("the type `{qualified}` (line {})", line(qualified));
    for ty in metadata.structs.values() {
        let Some(base) = ty.base.as_deref() else {
            continue;
        };
        match metadata.structs.get(base) {
            None if metadata.enums.contains_key(base) => {
                return Err(CsdlError(format!(
                    "{} has the enum type `{base}` as its BaseType",
                    at(&ty.qualified)
                )))
            }
            None => {
                return Err(CsdlError(format!(
                    "{} has BaseType=`{base}`, which the metadata does not declare",
                    at(&ty.qualified)
                )))
            }
            Some(found) if found.kind != ty.kind => {
                let kinds = |kind| match kind {
                    StructKind::Entity => "an entity type",
                    StructKind::Complex => "a complex type",
                };
                return Err(CsdlError(format!(
                    "{} is {} but its BaseType `{base}` is {}",
                    at(&ty.qualified),
                    kinds(ty.kind),
                    kinds(found.kind)
                )));
            }
            Some(_) => {}
        }
        let mut chain = vec![ty.qualified.as_str()];
        let mut next = ty.base.as_deref();
        while let Some(base) = next {
            if chain.contains(&base) {
                chain.push(base);
                return Err(CsdlError(format!(
                    "{} derives from itself: {}",
                    at(&ty.qualified),
                    chain.join(" -> ")
                )));
            }
            chain.push(base);
            if chain.len() > checked::MAX_INHERITANCE_DEPTH {
                return Err(CsdlError(format!(
                    "{} has more than {} levels of base types, more than graph-codegen \
                     generates (Rust's recursion limit breaks near 140)",
                    at(&ty.qualified),
                    checked::MAX_INHERITANCE_DEPTH
                )));
            }
            next = metadata.structs.get(base).and_then(|b| b.base.as_deref());
        }
    }
    for item in metadata.entity_sets.iter().chain(&metadata.singletons) {
        if !metadata
            .structs
            .get(&item.ty)
            .is_some_and(|ty| ty.kind == StructKind::Entity)
        {
            return Err(CsdlError(format!(
                "the entity set or singleton `{}` has the type `{}`, which is not an entity type \
                 of the metadata",
                item.target, item.ty
            )));
        }
    }
    Ok(())
}

/// Reads the `<Annotation>` children of `node`, which annotate `target`.
fn read_annotations(
    node: &roxmltree::Node,
    target: &str,
    descriptions: &mut BTreeMap<String, String>,
    computed: &mut std::collections::BTreeSet<String>,
    restrictions: &mut BTreeMap<String, Restrictions>,
) {
    for annotation in children(node, "Annotation") {
        match annotation.attribute("Term") {
            Some(DESCRIPTION) => {
                let text = annotation
                    .attribute("String")
                    .map(str::to_owned)
                    .or_else(|| {
                        children(&annotation, "String")
                            .next()
                            .and_then(|s| s.text())
                            .map(str::to_owned)
                    });
                if let Some(text) = text {
                    descriptions.insert(target.to_owned(), text);
                }
            }
            Some(COMPUTED) if annotation.attribute("Bool") != Some("false") => {
                computed.insert(target.to_owned());
            }
            Some(term) => {
                let property = match term {
                    "Org.OData.Capabilities.V1.InsertRestrictions" => "Insertable",
                    "Org.OData.Capabilities.V1.UpdateRestrictions" => "Updatable",
                    "Org.OData.Capabilities.V1.DeleteRestrictions" => "Deletable",
                    _ => continue,
                };
                let refused = annotation.descendants().any(|value| {
                    value.has_tag_name((EDM_NS, "PropertyValue"))
                        && value.attribute("Property") == Some(property)
                        && value.attribute("Bool") == Some("false")
                });
                if refused {
                    let entry = restrictions.entry(target.to_owned()).or_default();
                    match property {
                        "Insertable" => entry.not_insertable = true,
                        "Updatable" => entry.not_updatable = true,
                        _ => entry.not_deletable = true,
                    }
                }
            }
            None => {}
        }
    }
}

fn read_struct(
    node: &roxmltree::Node,
    kind: StructKind,
    namespace: &str,
    resolver: &Resolver,
    descriptions: &mut BTreeMap<String, String>,
    computed: &mut std::collections::BTreeSet<String>,
    restrictions: &mut BTreeMap<String, Restrictions>,
) -> Result<StructType, CsdlError> {
    let name = name_attribute(node, "Name")?.to_owned();
    let qualified = format!("{namespace}.{name}");
    read_annotations(node, &qualified, descriptions, computed, restrictions);
    let base = match node.attribute("BaseType") {
        Some(_) => {
            let base = resolver.type_ref(node, "BaseType")?;
            if base.collection {
                return Err(element_error(node, "has a collection as its BaseType"));
            }
            Some(base.name)
        }
        None => None,
    };
    let mut names = BTreeSet::new();
    let key = children(node, "Key")
        .flat_map(|key| children(&key, "PropertyRef").collect::<Vec<_>>())
        .filter_map(|property| property.attribute("Name").map(str::to_owned))
        .collect();
    let mut properties = Vec::new();
    let mut navigation = Vec::new();
    for child in node.children().filter(roxmltree::Node::is_element) {
        let tag = child.tag_name().name();
        if tag != "Property" && tag != "NavigationProperty" {
            continue;
        }
        let property_name = required(&child, "Name")?.to_owned();
        let valid = if tag == "Property" {
            checked::is_property_name(&property_name)
        } else {
            checked::is_simple_identifier(&property_name)
        };
        if !valid {
            return Err(name_error(&child, "Name", &property_name));
        }
        if !names.insert(property_name.clone()) {
            return Err(element_error(
                &child,
                &format!("is the second property of `{qualified}` with this name"),
            ));
        }
        let target = format!("{qualified}/{property_name}");
        read_annotations(&child, &target, descriptions, computed, restrictions);
        let ty = resolver.type_ref(&child, "Type")?;
        let description = descriptions.remove(&target);
        if tag == "Property" {
            properties.push(Property {
                name: property_name,
                ty,
                nullable: child.attribute("Nullable") != Some("false"),
                computed: computed.contains(&target),
                description,
            });
        } else {
            navigation.push(NavigationProperty {
                name: property_name,
                ty,
                contains_target: child.attribute("ContainsTarget") == Some("true"),
                description,
            });
        }
    }
    Ok(StructType {
        kind,
        description: descriptions.remove(&qualified),
        namespace: namespace.to_owned(),
        name,
        base,
        is_abstract: node.attribute("Abstract") == Some("true"),
        open: node.attribute("OpenType") == Some("true"),
        has_stream: node.attribute("HasStream") == Some("true"),
        key,
        properties,
        navigation,
        qualified,
    })
}

fn read_operation(
    node: &roxmltree::Node,
    namespace: &str,
    resolver: &Resolver,
) -> Result<BoundOperation, CsdlError> {
    let name = name_attribute(node, "Name")?.to_owned();
    let mut parameters: Vec<Parameter> = Vec::new();
    for parameter in children(node, "Parameter") {
        let parameter_name = name_attribute(&parameter, "Name")?.to_owned();
        if parameters.iter().any(|p| p.name == parameter_name) {
            return Err(element_error(
                &parameter,
                &format!("is the second parameter of `{namespace}.{name}` with this name"),
            ));
        }
        parameters.push(Parameter {
            name: parameter_name,
            ty: resolver.type_ref(&parameter, "Type")?,
            nullable: parameter.attribute("Nullable") != Some("false"),
        });
    }
    if parameters.is_empty() {
        let position = node.document().text_pos_at(node.range().start);
        return Err(CsdlError(format!(
            "the bound operation `{name}` at line {} has no binding parameter",
            position.row
        )));
    }
    // The binding parameter is the first, whatever its name
    // (`bindingParameter`, `reportRoot`, ...).
    let binding = parameters.remove(0).ty;
    let returns = children(node, "ReturnType")
        .next()
        .map(|returns| -> Result<ReturnType, CsdlError> {
            Ok(ReturnType {
                ty: resolver.type_ref(&returns, "Type")?,
                nullable: returns.attribute("Nullable") != Some("false"),
            })
        })
        .transpose()?;
    Ok(BoundOperation {
        action: node.tag_name().name() == "Action",
        namespace: namespace.to_owned(),
        name,
        binding,
        parameters,
        returns,
        composable: node.attribute("IsComposable") == Some("true"),
    })
}

fn read_enum(
    node: &roxmltree::Node,
    namespace: &str,
    descriptions: &mut BTreeMap<String, String>,
) -> Result<EnumType, CsdlError> {
    let name = name_attribute(node, "Name")?.to_owned();
    let qualified = format!("{namespace}.{name}");
    let mut ignored_computed = std::collections::BTreeSet::new();
    let mut ignored_restrictions = BTreeMap::new();
    read_annotations(
        node,
        &qualified,
        descriptions,
        &mut ignored_computed,
        &mut ignored_restrictions,
    );
    let mut members = Vec::new();
    for member in children(node, "Member") {
        let member_name = name_attribute(&member, "Name")?.to_owned();
        if members.iter().any(|m: &EnumMember| m.name == member_name) {
            return Err(element_error(
                &member,
                &format!("is the second member of `{qualified}` with this name"),
            ));
        }
        let target = format!("{qualified}/{member_name}");
        read_annotations(
            &member,
            &target,
            descriptions,
            &mut ignored_computed,
            &mut ignored_restrictions,
        );
        members.push(EnumMember {
            value: member.attribute("Value").and_then(|v| v.parse().ok()),
            description: descriptions.remove(&target),
            name: member_name,
        });
    }
    Ok(EnumType {
        flags: node.attribute("IsFlags") == Some("true"),
        description: descriptions.remove(&qualified),
        namespace: namespace.to_owned(),
        name,
        members,
        qualified,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.entity" OpenType="true">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="tags" Type="Collection(graph.tag)" />
        <NavigationProperty Name="manager" Type="graph.user" />
        <NavigationProperty Name="photos" Type="Collection(graph.photo)" ContainsTarget="true" />
      </EntityType>
      <EnumType Name="tag" IsFlags="true">
        <Member Name="a" Value="1" />
        <Member Name="b" Value="2" />
      </EnumType>
      <Action Name="sendMail" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
        <Parameter Name="Message" Type="graph.tag" Nullable="false" />
      </Action>
      <Function Name="delta" IsBound="true" IsComposable="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.user)" />
        <ReturnType Type="Collection(graph.user)" />
      </Function>
      <Function Name="unbound"><ReturnType Type="Edm.String" /></Function>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="graph.user" />
        <Singleton Name="me" Type="graph.user" />
      </EntityContainer>
      <Annotations Target="graph.user/displayName">
        <Annotation Term="Org.OData.Core.V1.Description" String="The name." />
      </Annotations>
      <Annotations Target="microsoft.graph.GraphService/users">
        <Annotation Term="Org.OData.Capabilities.V1.DeleteRestrictions">
          <Record><PropertyValue Property="Deletable" Bool="false" /></Record>
        </Annotation>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;

    #[test]
    fn aliases_collections_annotations_and_the_container_are_read() {
        let metadata = Metadata::parse(SMALL).unwrap();
        let user = &metadata.structs["microsoft.graph.user"];
        assert_eq!(user.base.as_deref(), Some("microsoft.graph.entity"));
        assert!(user.open && !user.is_abstract);
        assert_eq!(
            user.properties[1].ty,
            TypeRef {
                name: "microsoft.graph.tag".into(),
                collection: true
            }
        );
        assert_eq!(user.properties[0].description.as_deref(), Some("The name."));
        assert!(user.navigation[1].contains_target && !user.navigation[0].contains_target);
        assert!(metadata.enums["microsoft.graph.tag"].flags);
        assert_eq!(metadata.entity_sets[0].ty, "microsoft.graph.user");
        assert_eq!(metadata.singletons[0].name, "me");
        assert!(metadata.restrictions["microsoft.graph.GraphService/users"].not_deletable);
        assert_eq!(metadata.ancestors("microsoft.graph.user").len(), 2);
        // Bound operations only; the binding parameter is taken apart.
        assert_eq!(metadata.operations.len(), 2);
        let send = &metadata.operations[0];
        assert!(send.action && send.returns.is_none() && !send.composable);
        assert_eq!(send.binding.name, "microsoft.graph.user");
        assert_eq!(send.parameters[0].name, "Message");
        assert!(!send.parameters[0].nullable);
        let delta = &metadata.operations[1];
        assert!(!delta.action && delta.composable && delta.binding.collection);
        assert!(delta.parameters.is_empty());
        assert!(delta.returns.as_ref().unwrap().ty.collection);
    }

    #[test]
    fn not_csdl_is_an_error_that_says_so() {
        let error = Metadata::parse("<a/>").unwrap_err();
        assert!(error.to_string().contains("no <Schema>"), "{error}");
        let error = Metadata::parse("<a>").unwrap_err();
        assert!(error.to_string().contains("not well-formed"), "{error}");
    }
}
